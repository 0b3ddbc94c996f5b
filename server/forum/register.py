"""How threads and posts appear on devices."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import object_session
from sync import Registry

from server.db import iso
from server.forum import services
from server.forum.models import Post, Thread


def serialize_thread(thread: Thread) -> dict:
    # Derived when published, after the scope lock: concurrent replies all count.
    count, last = object_session(thread).execute(
        select(func.count(Post.id), func.max(Post.created_at)).where(
            Post.thread_id == thread.id, Post.deleted_at.is_(None)
        )
    ).one()
    return {
        "id": thread.id,
        "network_id": thread.network_id,
        "title": thread.title,
        "author_id": thread.author_id,
        "created_at": iso(thread.created_at),
        "last_post_at": iso(last) or iso(thread.created_at),
        "post_count": count,
    }


def serialize_post(post: Post) -> dict:
    return {
        "id": post.id,
        "thread_id": post.thread_id,
        "network_id": post.network_id,
        "body": post.body,
        "author_id": post.author_id,
        "created_at": iso(post.created_at),
        "edited_at": iso(post.edited_at),
    }


def register(registry: Registry) -> None:
    registry.row_type("thread", serialize_thread)
    registry.row_type("post", serialize_post)
    services.register(registry)
