"""Older pages of a thread, for a device that keeps only recent history: pull-shaped changes."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sync import Registry

from server.files.models import Attachment
from server.forum.models import Post, PostRevision, Reaction, Thread
from server.scopes import network_scope


def older(session: Session, registry: Registry, thread_id: str, user_id: str, before: datetime | None,
          limit: int) -> dict | None:
    """Posts of a thread older than ``before``, newest first, with what hangs on them:
    attachments, and the marks and edit history that a windowed pull leaves out for posts
    older than its window. None when there is no such thread or she may not read it."""
    thread = session.get(Thread, thread_id)
    scope = network_scope(thread.network_id) if thread else None
    if thread is None or scope not in registry.visible_scopes(session, user_id):
        return None
    query = select(Post).where(Post.thread_id == thread_id, Post.deleted_at.is_(None))
    if before:
        query = query.where(Post.created_at < before)
    posts = session.scalars(query.order_by(Post.created_at.desc()).limit(limit + 1)).all()
    more, posts = len(posts) > limit, posts[:limit]
    changes = [_put(registry, "post", p, scope) for p in posts]
    if posts:
        ids = [p.id for p in posts]
        hanging = (
            ("attachment", select(Attachment).where(Attachment.post_id.in_(ids), Attachment.deleted_at.is_(None))),
            ("reaction", select(Reaction).where(Reaction.post_id.in_(ids))),
            ("post_revision", select(PostRevision).where(PostRevision.post_id.in_(ids)).order_by(PostRevision.id)),
        )
        for type_, rows in hanging:
            changes += [_put(registry, type_, row, scope) for row in session.scalars(rows)]
    return {"changes": changes, "more": more}


def _put(registry: Registry, type_: str, obj, scope: str) -> dict:
    return {"type": type_, "id": str(obj.id), "op": "put", "scope": scope, "data": registry.serializers[type_](obj)}
