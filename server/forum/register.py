"""What the forum tells the engine: categories, threads, posts, their history and marks, each
reader's state on devices; the forum mutators; and where it takes part in lower domains
(a new network's categories, posts as holders of files)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import object_session
from sync import Registry

from server.db import iso
from server.files import holders
from server.forum import categories, posts, reading, schemas, threads
from server.forum.models import Category, Post, PostRevision, Reaction, Thread, ThreadState
from server.networks import lifecycle


def serialize_category(category: Category) -> dict:
    return {"id": category.id, "network_id": category.network_id, "name": category.name, "position": category.position}


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


def serialize_state(state: ThreadState) -> dict:
    return {"id": state.id, "thread_id": state.thread_id, "read_at": iso(state.read_at), "starred": state.starred}


def _post_of(row) -> Post | None:
    return object_session(row).get(Post, row.post_id)


def _post_date(row):
    post = _post_of(row)
    return post.created_at if post else None


def _post_author(row) -> str | None:
    post = _post_of(row)
    return post.author_id if post else None


def register(registry: Registry) -> None:
    registry.row_type("category", serialize_category)
    registry.row_type("thread", serialize_thread)
    registry.row_type("post", serialize_post, stamp=lambda p: p.created_at, owner=lambda p: p.author_id)
    # History and marks of an old post are dated like the post: a phone keeping recent
    # history does not get them for posts it never holds.
    registry.row_type("post_revision", serialize_revision, stamp=_post_date, owner=_post_author)
    registry.row_type("reaction", serialize_reaction, stamp=_post_date, owner=_post_author)
    registry.row_type("thread_state", serialize_state)
    registry.mutator("category.create", schemas.CategoryCreate())(categories.create)
    registry.mutator("category.update", schemas.CategoryUpdate())(categories.update_)
    registry.mutator("category.delete", schemas.PostRef())(categories.delete)
    registry.mutator("thread.create", schemas.ThreadCreate())(threads.create)
    registry.mutator("thread.update", schemas.ThreadUpdate())(threads.update)
    registry.mutator("thread.pin", schemas.ThreadFlag())(threads.pin)
    registry.mutator("thread.lock", schemas.ThreadFlag())(threads.lock)
    registry.mutator("post.create", schemas.PostCreate())(posts.create)
    registry.mutator("post.update", schemas.PostUpdate())(posts.update)
    registry.mutator("post.delete", schemas.PostRef())(posts.delete)
    registry.mutator("post.react", schemas.PostReact())(posts.react)
    registry.mutator("thread.state", schemas.ThreadState())(reading.set_state)
    lifecycle.established.connect(categories.add_defaults)
    holders.add(holders.Holder("post_id", Post, "Ten wpis został usunięty albo nie istnieje."))
