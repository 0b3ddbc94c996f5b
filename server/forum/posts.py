"""Replies: writing, quoting, editing with history, deleting, and the "pomocne" mark."""
from __future__ import annotations

from sqlalchemy import update as sql_update
from sync import Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.forum.models import Post, PostRevision, Reaction, Thread
from server.files import attachments
from server.forum.threads import thread
from server.hooks import Hook
from server.networks import rights
from server.scopes import network_scope

# A reply written, in its mutation: ``fn(ctx, thread, post)`` (notifications tell who follows the thread).
replied = Hook("a reply written")


def live_post(ctx: MutationContext, post_id: str, lock: bool = False) -> Post:
    post = ctx.session.get(Post, post_id, with_for_update=lock)
    if post is None or post.deleted_at is not None:
        raise Rejected("not_found", "Ten wpis został usunięty albo nie istnieje.")
    return post


def _own_post(ctx: MutationContext, post_id: str) -> Post:
    post = live_post(ctx, post_id, lock=True)
    if post.author_id != ctx.user_id:
        raise Rejected("forbidden", "Możesz zmieniać tylko własne wpisy.")
    rights.require_replier(ctx, post.network_id)
    return post


def _open_thread(ctx: MutationContext, thread_id: str):
    found = thread(ctx, thread_id)
    rights.require_replier(ctx, found.network_id)
    if found.locked and not rights.is_manager(ctx, found.network_id):
        raise Rejected("locked", "Wątek jest zamknięty: nie można w nim już odpowiadać.")
    return found


def create(ctx: MutationContext, args: dict) -> None:
    found = _open_thread(ctx, str(args["thread_id"]))
    reply_to = str(args["reply_to_id"]) if args["reply_to_id"] else None
    if reply_to:
        quoted = ctx.session.get(Post, reply_to)
        if quoted is None or quoted.thread_id != found.id:
            raise Rejected("invalid", "Cytowany wpis nie należy do tego wątku.", {"reply_to_id": ["Nie w tym wątku."]})
    mentions = rights.members_among(ctx, found.network_id, args["mentions"])
    # A plain INSERT: a device back online may bring hundreds of replies in one push.
    post = ctx.insert("post", Post.__table__, {
        "id": str(args["id"]), "thread_id": found.id, "network_id": found.network_id, "body": args["body"],
        "reply_to_id": reply_to, "mentions": mentions, "author_id": ctx.user_id, "created_at": utcnow(),
        "edited_at": None, "deleted_at": None}, [network_scope(found.network_id)])
    # The thread's count and last activity change: once per thread when the batch ends.
    ctx.collect(("thread-count", found.id), post, lambda ctx, posts: count_posts(ctx, found, len(posts)))
    replied(ctx, found, post)


def count_posts(ctx: MutationContext, found: Thread, added: int) -> None:
    """Add to the thread's count in SQL (never read, add one, write back: a concurrent
    push would lose its replies) and publish the thread."""
    ctx.session.execute(sql_update(Thread).where(Thread.id == found.id).values(post_count=Thread.post_count + added)
                        .execution_options(synchronize_session=False))
    ctx.session.expire(found, ["post_count"])  # read back when the thread is published
    ctx.put("thread", found, [network_scope(found.network_id)])


def update(ctx: MutationContext, args: dict) -> None:
    post = _own_post(ctx, str(args["id"]))
    if post.body == args["body"]:
        return
    revision = PostRevision(post_id=post.id, body=post.body, replaced_at=utcnow(), client_id=ctx.client_id)
    ctx.add(revision)
    ctx.session.flush()  # the revision's number names it on devices
    post.body = args["body"]
    post.edited_at = revision.replaced_at
    scope = [network_scope(post.network_id)]
    ctx.put("post", post, scope)
    ctx.put("post_revision", revision, scope)


def delete(ctx: MutationContext, args: dict) -> None:
    post = _own_post(ctx, str(args["id"]))
    post.deleted_at = utcnow()
    ctx.add(post)
    ctx.delete("post", post.id, [network_scope(post.network_id)])
    count_posts(ctx, thread(ctx, post.thread_id), -1)
    attachments.drop_all(ctx, post_id=post.id)


def react(ctx: MutationContext, args: dict) -> None:
    """Set, not toggle: replaying it from a device's outbox changes nothing."""
    post = live_post(ctx, str(args["post_id"]))
    rights.require_replier(ctx, post.network_id)
    if post.author_id == ctx.user_id:
        raise Rejected("forbidden", "Nie można oznaczyć własnego wpisu jako pomocnego.")
    existing = ctx.session.get(Reaction, (post.id, ctx.user_id, "helpful"))
    scope = [network_scope(post.network_id)]
    if args["helpful"] and existing is None:
        ctx.put("reaction", Reaction(post_id=post.id, user_id=ctx.user_id, kind="helpful", created_at=utcnow()), scope)
    elif not args["helpful"] and existing is not None:
        ctx.remove(existing)
        ctx.delete("reaction", existing.id, scope)
