"""Each reader's own state of a thread: read up to when, starred. The same on all her devices."""
from __future__ import annotations

from sqlalchemy import select
from sync.context import MutationContext

from server.db import utcnow
from server.forum.models import ThreadState
from server.forum.threads import thread
from server.hooks import Hook
from server.networks import rights
from server.scopes import user_scope

# A thread read up to a moment, in its mutation: ``fn(ctx, thread_id, read_at)``
# (notifications: what the bell told of it up to then is read too).
read = Hook("a thread read")


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
        read(ctx, found.id, state.read_at)
    if args["starred"] is not None:
        state.starred = args["starred"]
    ctx.put("thread_state", state, [user_scope(ctx.user_id)])
