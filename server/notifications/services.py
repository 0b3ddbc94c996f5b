"""Telling people about replies, mentions and new threads; their choices of e-mail."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import exists, select
from sync import Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.forum.models import Post, Thread
from server.mailqueue.services import kick
from server.networks import rights
from server.networks.models import Membership
from server.networks.rights import active_members as _members
from server.notifications import email
from server.notifications.models import Notification, NotificationPref
from server.scopes import user_scope


def _participants(ctx: MutationContext, thread: Thread) -> set[str]:
    """Members who wrote in the thread, and its author: one indexed look per member,
    however long the thread."""
    wrote = exists().where(Post.thread_id == thread.id, Post.author_id == Membership.user_id,
                           Post.deleted_at.is_(None))
    authors = ctx.session.scalars(
        select(Membership.user_id).where(Membership.network_id == thread.network_id,
                                         Membership.status == "active", wrote)
    ).all()
    return set(authors) | {thread.author_id}


def new_thread(ctx: MutationContext, thread: Thread, post: Post) -> None:
    for user_id in _members(ctx, thread.network_id) - {ctx.user_id}:
        _tell(ctx, user_id, "mention" if user_id in post.mentions else "thread", thread, post, 1)


def new_reply(ctx: MutationContext, thread: Thread, post: Post) -> None:
    """Told once per thread when the batch ends: a phone back online may bring a thousand replies."""
    ctx.collect(("replies", thread.id), post, lambda ctx, posts: _tell_replies(ctx, thread, posts))


def _tell_replies(ctx: MutationContext, thread: Thread, posts: list[Post]) -> None:
    # One person pushes a batch, and she is never told of her own replies: who took
    # part before the batch is who takes part during it.
    participants = _participants(ctx, thread)
    members = _members(ctx, thread.network_id)  # someone who has left hears nothing more
    tally: dict[tuple[str, str], list] = {}
    for post in posts:
        for user_id in ((participants | set(post.mentions)) & members) - {ctx.user_id}:
            kind = "mention" if user_id in post.mentions else "reply"
            seen = tally.setdefault((user_id, kind), [0, post])
            seen[0] += 1
            seen[1] = post
    for (user_id, kind), (count, latest) in tally.items():
        _tell(ctx, user_id, kind, thread, latest, count)


def _tell(ctx: MutationContext, user_id: str, kind: str, thread: Thread, post: Post, count: int) -> None:
    """One notification per person, thread and kind while it is unread and not yet e-mailed:
    a busy thread does not bury her in a thousand items."""
    key = ("notification", user_id, thread.id, kind)
    if key not in ctx.memo:
        ctx.memo[key] = ctx.session.scalars(
            select(Notification).where(Notification.user_id == user_id, Notification.thread_id == thread.id,
                                       Notification.kind == kind, Notification.read_at.is_(None),
                                       Notification.emailed_at.is_(None))
        ).first()
    note = ctx.memo[key]
    if note is None:
        note = Notification(user_id=user_id, kind=kind, network_id=thread.network_id, thread_id=thread.id, count=0)
        ctx.memo[key] = note
    note.count += count
    note.post_id, note.actor_id, note.created_at = post.id, ctx.user_id, post.created_at
    ctx.put("notification", note, [user_scope(user_id)])
    if ("mail-kick",) not in ctx.memo:
        ctx.memo[("mail-kick",)] = True
        ctx.on_commit(lambda: kick(email.queue_immediate))


def mark_read(ctx: MutationContext, args: dict) -> None:
    """Her own notifications, by id (none: all of hers); nobody reads another's, not even an admin."""
    ids = [str(i) for i in args["ids"]]
    if ids and ctx.session.scalar(select(exists().where(Notification.id.in_(ids), Notification.user_id != ctx.user_id))):
        raise Rejected("forbidden", "To powiadomienie jest przeznaczone dla kogoś innego.")
    query = select(Notification).where(Notification.user_id == ctx.user_id, Notification.read_at.is_(None))
    if ids:
        query = query.where(Notification.id.in_(ids))
    now = utcnow()
    for note in ctx.session.scalars(query).all():
        note.read_at = now
        ctx.put("notification", note, [user_scope(ctx.user_id)])


def read_thread(ctx: MutationContext, thread_id: str, read_at) -> None:
    """What she was told of in the thread up to `read_at` is read with it (connected to the
    forum's reading): the bell counts only what she has not seen. Devices hold times to the millisecond."""
    now, shown = utcnow(), read_at + timedelta(milliseconds=1)
    for note in ctx.session.scalars(
        select(Notification).where(Notification.user_id == ctx.user_id, Notification.thread_id == thread_id,
                                   Notification.read_at.is_(None), Notification.created_at < shown)
    ).all():
        note.read_at = now
        ctx.put("notification", note, [user_scope(ctx.user_id)])


def set_pref(ctx: MutationContext, args: dict) -> None:
    network_id = str(args["network_id"])
    rights.network(ctx, network_id)
    if not rights.is_active(rights.membership(ctx, network_id)):
        raise Rejected("forbidden", "Możesz ustawić powiadomienia tylko dla swoich sieci.")
    pref = ctx.session.scalars(
        select(NotificationPref).where(NotificationPref.user_id == ctx.user_id,
                                       NotificationPref.network_id == network_id)
    ).first() or NotificationPref(user_id=ctx.user_id, network_id=network_id)
    pref.email = args["email"]
    ctx.put("notification_pref", pref, [user_scope(ctx.user_id)])
