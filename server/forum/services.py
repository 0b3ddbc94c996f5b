"""The forum's mutators. Each checks first and writes last (see sync.context)."""
from __future__ import annotations

import uuid

from sync import Registry, Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.forum import schemas
from server.forum.models import Post, PostRevision, Thread
from server.networks import rights
from server.scopes import network_scope

# The first post of a thread made without `post_id` gets UUID v5 of the thread id.
FIRST_POST_NAMESPACE = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")


def _own_post(ctx: MutationContext, post_id: str) -> Post:
    post = ctx.session.get(Post, post_id, with_for_update=True)
    if post is None or post.deleted_at is not None:
        raise Rejected("not_found", "Ten wpis został usunięty albo nie istnieje.")
    if post.author_id != ctx.user_id:
        raise Rejected("forbidden", "Możesz zmieniać tylko własne wpisy.")
    rights.require_replier(ctx, post.network_id)
    return post


def create_thread(ctx: MutationContext, args: dict) -> None:
    network_id = str(args["network_id"])
    rights.require_thread_starter(ctx, network_id)
    thread_id = str(args["id"])
    post_id = str(args["post_id"] or uuid.uuid5(FIRST_POST_NAMESPACE, thread_id))
    now = utcnow()
    thread = Thread(id=thread_id, network_id=network_id, title=args["title"], author_id=ctx.user_id, created_at=now)
    post = Post(
        id=post_id, thread_id=thread_id, network_id=network_id, body=args["body"], author_id=ctx.user_id, created_at=now
    )
    scope = [network_scope(network_id)]
    ctx.put("thread", thread, scope)
    ctx.put("post", post, scope)


def create_post(ctx: MutationContext, args: dict) -> None:
    thread = ctx.session.get(Thread, str(args["thread_id"]))
    if thread is None:
        raise Rejected("not_found", "Nie ma takiego wątku.")
    rights.require_replier(ctx, thread.network_id)
    post = Post(
        id=str(args["id"]),
        thread_id=thread.id,
        network_id=thread.network_id,
        body=args["body"],
        author_id=ctx.user_id,
        created_at=utcnow(),
    )
    scope = [network_scope(thread.network_id)]
    ctx.put("post", post, scope)
    ctx.put("thread", thread, scope)  # its count and last activity change


def update_post(ctx: MutationContext, args: dict) -> None:
    post = _own_post(ctx, str(args["id"]))
    if post.body == args["body"]:
        return
    ctx.add(PostRevision(post_id=post.id, body=post.body, client_id=ctx.client_id))
    post.body = args["body"]
    post.edited_at = utcnow()
    ctx.put("post", post, [network_scope(post.network_id)])


def delete_post(ctx: MutationContext, args: dict) -> None:
    post = _own_post(ctx, str(args["id"]))
    post.deleted_at = utcnow()
    ctx.add(post)
    scope = [network_scope(post.network_id)]
    ctx.delete("post", post.id, scope)
    ctx.put("thread", ctx.session.get(Thread, post.thread_id), scope)


def register(registry: Registry) -> None:
    registry.mutator("thread.create", schemas.ThreadCreate())(create_thread)
    registry.mutator("post.create", schemas.PostCreate())(create_post)
    registry.mutator("post.update", schemas.PostUpdate())(update_post)
    registry.mutator("post.delete", schemas.PostDelete())(delete_post)
