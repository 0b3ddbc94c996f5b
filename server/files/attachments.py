"""Attaching uploaded files to posts, good practices and meetings. Mutators check first and write last."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sync import Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.files import holders
from server.files.models import Attachment, FileUpload
from server.networks import rights
from server.scopes import network_scope

MAX_PER_PARENT = 20


def publish(ctx: MutationContext, attachment: Attachment) -> None:
    ctx.put("attachment", attachment, [network_scope(attachment.network_id)])


def tombstone(ctx: MutationContext, attachment: Attachment) -> None:
    attachment.deleted_at = utcnow()
    ctx.add(attachment)
    ctx.delete("attachment", attachment.id, [network_scope(attachment.network_id)])


def drop_all(ctx: MutationContext, **parent: str) -> None:
    """Tombstone every attachment of a deleted post or practice (call it from the delete)."""
    for attachment in live(ctx, **parent):
        tombstone(ctx, attachment)


def live(ctx: MutationContext, **parent_key: str) -> list[Attachment]:
    """The live attachments of one holder, named as `post_id=…`, `resource_id=…` or `meeting_id=…`."""
    ((key, parent_id),) = parent_key.items()
    parent = getattr(Attachment, key) == parent_id
    return list(ctx.session.scalars(
        select(Attachment).where(parent, Attachment.deleted_at.is_(None)).order_by(Attachment.created_at, Attachment.id)
    ))


def carry_over(ctx: MutationContext, post_id: str, resource) -> None:
    """A promoted post's files go along to the good practice: new rows, the same bytes.

    Each copy's id is UUID v5 of the original attachment's id in the namespace of the
    resource's id, so a device can make the same rows before the server answers.
    """
    for original in live(ctx, post_id=post_id):
        publish(ctx, Attachment(
            id=str(uuid.uuid5(uuid.UUID(resource.id), original.id)), resource_id=resource.id,
            network_id=resource.network_id, sha256=original.sha256, name=original.name, author_id=ctx.user_id,
            created_at=utcnow(),
        ))


def add(ctx: MutationContext, args: dict) -> None:
    holder, parent = holders.find(ctx.session, args)
    if holders.gone(parent):
        raise Rejected("not_found", holder.missing)
    if holder.may_attach is not None:
        holder.may_attach(ctx, parent)
    else:
        rights.require_replier(ctx, parent.network_id)
        if parent.author_id != ctx.user_id:
            raise Rejected("forbidden", "Pliki może dołączać tylko autor.")
    if ctx.session.get(FileUpload, (args["sha256"], ctx.user_id)) is None:
        raise Rejected("file_missing", "Plik nie dotarł jeszcze na serwer: wyślij go, potem dołącz.",
                       {"sha256": ["Najpierw prześlij plik (PUT /api/files/<sha256>)."]})
    parent_key = {holder.key: parent.id}
    if len(live(ctx, **parent_key)) >= MAX_PER_PARENT:
        raise Rejected("invalid", f"Można dołączyć najwyżej {MAX_PER_PARENT} plików.", {"id": ["Za dużo plików."]})
    publish(ctx, Attachment(id=str(args["id"]), **parent_key, network_id=parent.network_id, sha256=args["sha256"],
                            name=args["name"], author_id=ctx.user_id, created_at=utcnow()))


def remove(ctx: MutationContext, args: dict) -> None:
    attachment = ctx.session.get(Attachment, str(args["id"]), with_for_update=True)
    if attachment is None or attachment.deleted_at is not None:
        raise Rejected("not_found", "Ten plik został już usunięty albo nie istnieje.")
    rights.require_replier(ctx, attachment.network_id)
    if attachment.author_id != ctx.user_id:
        raise Rejected("forbidden", "Plik może usunąć tylko ten, kto go dołączył.")
    tombstone(ctx, attachment)
