"""The library's mutators: good practices made, edited, deleted, or promoted from a post."""
from __future__ import annotations

from sqlalchemy import select
from sync import Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.files import attachments
from server.forum.posts import live_post
from server.library import schemas
from server.library.models import Resource
from server.networks import rights
from server.scopes import network_scope

EDITABLE = ("title", "description", "tags", "school_level", "subject", "url")


def publish(ctx: MutationContext, resource: Resource) -> None:
    ctx.put("resource", resource, [network_scope(resource.network_id)])


def _live(ctx: MutationContext, resource_id: str) -> Resource:
    resource = ctx.session.get(Resource, resource_id, with_for_update=True)
    if resource is None or resource.deleted_at is not None:
        raise Rejected("not_found", "Ta dobra praktyka została usunięta albo nie istnieje.")
    return resource


def create(ctx: MutationContext, args: dict) -> None:
    network_id = str(args["network_id"])
    rights.require_library_writer(ctx, network_id)
    publish(ctx, Resource(
        id=str(args["id"]), network_id=network_id, title=args["title"], description=args["description"],
        tags=args["tags"], school_level=args["school_level"], subject=args["subject"], kind=args["kind"],
        url=args["url"], author_id=ctx.user_id, created_at=utcnow(),
    ))


def update(ctx: MutationContext, args: dict) -> None:
    resource = _live(ctx, str(args["id"]))
    rights.require_author_or_coordinator(ctx, resource.network_id, resource.author_id)
    changes = {k: args[k] for k in EDITABLE if k in args and args[k] != getattr(resource, k)}
    if "url" in changes and resource.kind != "link":
        raise Rejected("invalid", "Niepoprawne dane.", {"url": [schemas.URL_ONLY_FOR_LINKS]})
    if "url" in changes and not changes["url"]:
        raise Rejected("invalid", "Niepoprawne dane.", {"url": [schemas.LINK_NEEDS_URL]})
    if not changes:
        return
    for key, value in changes.items():
        setattr(resource, key, value)
    resource.edited_at = utcnow()
    resource.edited_by = ctx.user_id
    publish(ctx, resource)


def delete(ctx: MutationContext, args: dict) -> None:
    resource = _live(ctx, str(args["id"]))
    rights.require_author_or_coordinator(ctx, resource.network_id, resource.author_id)
    resource.deleted_at = utcnow()
    ctx.add(resource)
    ctx.delete("resource", resource.id, [network_scope(resource.network_id)])
    attachments.drop_all(ctx, resource_id=resource.id)


def promote(ctx: MutationContext, args: dict) -> None:
    """A forum post becomes a good practice: its text (unless a description is given) and its files."""
    post = live_post(ctx, str(args["post_id"]))
    rights.require_library_writer(ctx, post.network_id)
    earlier = ctx.session.scalars(
        select(Resource.id).where(Resource.from_post_id == post.id, Resource.deleted_at.is_(None))
    ).first()
    if earlier is not None:
        raise Rejected("conflict", "Ten wpis jest już w bibliotece dobrych praktyk.", {"post_id": [earlier]})
    resource = Resource(
        id=str(args["resource_id"]), network_id=post.network_id, title=args["title"],
        description=args["description"] or post.body, tags=args["tags"], school_level=args["school_level"],
        subject=args["subject"], kind="file", url=None, author_id=ctx.user_id, from_post_id=post.id,
        created_at=utcnow(),
    )
    publish(ctx, resource)
    attachments.carry_over(ctx, post.id, resource)
