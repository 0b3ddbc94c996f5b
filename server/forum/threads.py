"""Threads: starting one, renaming or moving it, pinning and locking (the coordinator's)."""
from __future__ import annotations

import uuid

from sync import Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.forum import categories
from server.forum.models import Post, Thread
from server.hooks import Hook
from server.networks import rights
from server.scopes import network_scope

# The first post of a thread made without `post_id` gets UUID v5 of the thread id.
FIRST_POST_NAMESPACE = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
# A thread started, in its mutation: ``fn(ctx, thread, first_post)`` (notifications tell the members).
started = Hook("a thread started")


def thread(ctx: MutationContext, thread_id: str) -> Thread:
    found = ctx.get(Thread, thread_id)
    if found is None:
        raise Rejected("not_found", "Nie ma takiego wątku.")
    return found


def create(ctx: MutationContext, args: dict) -> None:
    network_id = str(args["network_id"])
    rights.require_thread_starter(ctx, network_id)
    category_id = str(args["category_id"]) if args["category_id"] else None
    if category_id:
        categories.find(ctx, category_id, network_id)
    mentions = rights.members_among(ctx, network_id, args["mentions"])
    thread_id = str(args["id"])
    post_id = str(args["post_id"] or uuid.uuid5(FIRST_POST_NAMESPACE, thread_id))
    now = utcnow()
    new = Thread(id=thread_id, network_id=network_id, category_id=category_id, title=args["title"],
                 author_id=ctx.user_id, created_at=now, post_count=1)
    post = Post(id=post_id, thread_id=thread_id, network_id=network_id, body=args["body"], author_id=ctx.user_id,
                mentions=mentions, created_at=now)
    scope = [network_scope(network_id)]
    ctx.put("thread", new, scope)
    ctx.put("post", post, scope)
    started(ctx, new, post)


def _moderated(ctx: MutationContext, thread_id: str, author_may: bool) -> Thread:
    """The coordinator (or a Poradnia admin) moderates; an author, while a member, edits her own."""
    found = thread(ctx, thread_id)
    if not rights.is_manager(ctx, found.network_id):
        if not (author_may and found.author_id == ctx.user_id):
            raise Rejected("forbidden", "To może zrobić autor wątku albo koordynator sieci.")
        rights.require_reader(ctx, found.network_id)
    rights.writable(rights.network(ctx, found.network_id))
    return found


def update(ctx: MutationContext, args: dict) -> None:
    found = _moderated(ctx, str(args["id"]), author_may=True)
    if args.get("category_id"):
        categories.find(ctx, str(args["category_id"]), found.network_id)
    if "title" in args:
        found.title = args["title"]
    if "category_id" in args:
        found.category_id = str(args["category_id"]) if args["category_id"] else None
    ctx.put("thread", found, [network_scope(found.network_id)])


def pin(ctx: MutationContext, args: dict) -> None:
    found = _moderated(ctx, str(args["id"]), author_may=False)
    found.pinned = args["value"]
    ctx.put("thread", found, [network_scope(found.network_id)])


def lock(ctx: MutationContext, args: dict) -> None:
    found = _moderated(ctx, str(args["id"]), author_may=False)
    found.locked = args["value"]
    ctx.put("thread", found, [network_scope(found.network_id)])
