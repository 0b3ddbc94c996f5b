"""Each reader's own state of a thread: read up to when, starred. The same on all her devices."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sync import Registry
from sync.context import MutationContext

from server.db import iso, utcnow
from server.forum import schemas
from server.forum.models import ThreadState
from server.forum.threads import thread
from server.networks import rights
from server.notifications.models import Notification
from server.scopes import user_scope


def set_state(ctx: MutationContext, args: dict) -> None:
    """Reading only moves forward: a late sync from an old phone cannot mark news unread."""
    found = thread(ctx, str(args["thread_id"]))
    rights.require_reader(ctx, found.network_id)
    read_at = min(args["read_at"] or utcnow(), utcnow())
    state = ctx.session.scalars(
        select(ThreadState).where(ThreadState.user_id == ctx.user_id, ThreadState.thread_id == found.id)
    ).first() or ThreadState(user_id=ctx.user_id, thread_id=found.id, starred=False)
    if args["read_at"] is not None or args["starred"] is None:
        state.read_at = max(filter(None, (state.read_at, read_at)))
        _read_notes(ctx, found.id, state.read_at)
    if args["starred"] is not None:
        state.starred = args["starred"]
    ctx.put("thread_state", state, [user_scope(ctx.user_id)])


def _read_notes(ctx: MutationContext, thread_id: str, read_at) -> None:
    """What she was told of in the thread up to `read_at` is read with it: the bell
    counts only what she has not seen. Devices hold times to the millisecond."""
    now, shown = utcnow(), read_at + timedelta(milliseconds=1)
    for note in ctx.session.scalars(
        select(Notification).where(Notification.user_id == ctx.user_id, Notification.thread_id == thread_id,
                                   Notification.read_at.is_(None), Notification.created_at < shown)
    ).all():
        note.read_at = now
        ctx.put("notification", note, [user_scope(ctx.user_id)])


def serialize(state: ThreadState) -> dict:
    return {"id": state.id, "thread_id": state.thread_id, "read_at": iso(state.read_at), "starred": state.starred}


def register(registry: Registry) -> None:
    registry.row_type("thread_state", serialize)
    registry.mutator("thread.state", schemas.ThreadState())(set_state)
