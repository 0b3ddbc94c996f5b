"""Where a person's row goes: her own scope, the networks she is in, the staff scope for employees.

Every change of a person goes through `person`, so no copy of her row is left stale
(a device reads scopes in name order, and an old copy read last would win).
"""
from __future__ import annotations

from sqlalchemy import select
from sync.context import MutationContext

from server.accounts.models import User
from server.networks.models import Membership
from server.scopes import STAFF, network_scope, user_scope


def person(ctx: MutationContext, user: User) -> None:
    """A former employee's row stays in the staff scope, updated (is_staff false), rather than
    deleted: a device applies a delete to the row as a whole, in every scope."""
    networks = ctx.session.scalars(select(Membership.network_id).where(Membership.user_id == user.id)).all()
    in_staff = [STAFF] if user.is_staff or ctx.published(STAFF, "user", user.id) else []
    ctx.put("user", user, [user_scope(user.id), *(network_scope(n) for n in networks), *in_staff])
