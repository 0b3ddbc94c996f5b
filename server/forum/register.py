"""How the forum appears on devices, and what it tells the engine."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import object_session
from sync import Registry

from server.db import iso
from server.forum import categories, posts, reading, threads
from server.forum.models import Post, PostRevision, Reaction, Thread
from server.notifications import services as notifications


def serialize_thread(thread: Thread) -> dict:
    # Read when published, after the scope lock: concurrent replies all count. The
    # newest live post is the first one the (thread, created_at) index meets backwards.
    last = object_session(thread).scalar(
        select(Post.created_at).where(Post.thread_id == thread.id, Post.deleted_at.is_(None))
        .order_by(Post.created_at.desc()).limit(1)
    )
    return {
        "id": thread.id,
        "network_id": thread.network_id,
        "category_id": thread.category_id,
        "title": thread.title,
        "author_id": thread.author_id,
        "pinned": thread.pinned,
        "locked": thread.locked,
        "created_at": iso(thread.created_at),
        "last_post_at": iso(last) or iso(thread.created_at),
        "post_count": thread.post_count,
    }


def serialize_post(post: Post) -> dict:
    return {
        "id": post.id,
        "thread_id": post.thread_id,
        "network_id": post.network_id,
        "body": post.body,
        "reply_to_id": post.reply_to_id,
        "mentions": post.mentions or [],
        "author_id": post.author_id,
        "created_at": iso(post.created_at),
        "edited_at": iso(post.edited_at),
    }


def serialize_revision(revision: PostRevision) -> dict:
    return {"id": str(revision.id), "post_id": revision.post_id, "body": revision.body,
            "replaced_at": iso(revision.replaced_at)}


def serialize_reaction(reaction: Reaction) -> dict:
    return {"id": reaction.id, "post_id": reaction.post_id, "user_id": reaction.user_id, "kind": reaction.kind}


def _post_of(row) -> Post | None:
    return object_session(row).get(Post, row.post_id)


def _post_date(row):
    post = _post_of(row)
    return post.created_at if post else None


def _post_author(row) -> str | None:
    post = _post_of(row)
    return post.author_id if post else None


def register(registry: Registry) -> None:
    registry.row_type("thread", serialize_thread)
    registry.row_type("post", serialize_post, stamp=lambda p: p.created_at, owner=lambda p: p.author_id)
    # History and marks of an old post are dated like the post: a phone keeping recent
    # history does not get them for posts it never holds.
    registry.row_type("post_revision", serialize_revision, stamp=_post_date, owner=_post_author)
    registry.row_type("reaction", serialize_reaction, stamp=_post_date, owner=_post_author)
    for module in (categories, threads, posts, reading, notifications):
        module.register(registry)
