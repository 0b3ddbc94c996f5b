"""Where a person's row goes: her own scope, the networks she is in, the staff scope for employees.

Every change of a person goes through `person`, so no copy of her row is left stale
(a device reads scopes in name order, and an old copy read last would win).
"""
from __future__ import annotations

from sync.context import MutationContext

from server.accounts import contacts
from server.accounts.models import User
from server.hooks import Hook
from server.scopes import STAFF, user_scope

# More scopes that hold her row, from the domains that know them (networks: her networks'
# scopes); each listener answers ``fn(ctx, user) -> list of scopes``.
scopes_of_person = Hook("the scopes a person's row goes to")


def person(ctx: MutationContext, user: User) -> None:
    """A former employee's row stays in the staff scope, updated (is_staff false), rather than
    deleted: a device applies a delete to the row as a whole, in every scope."""
    elsewhere = [scope for scopes in scopes_of_person(ctx, user) for scope in scopes]
    in_staff = [STAFF] if user.is_staff or ctx.published(STAFF, "user", user.id) else []
    ctx.put("user", user, [user_scope(user.id), *elsewhere, *in_staff])
    contacts.publish(ctx, user, elsewhere)  # her address, where she shares it
