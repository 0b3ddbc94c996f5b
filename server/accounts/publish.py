"""Where a person's row goes: her own scope always, the staff scope for Poradnia employees."""
from __future__ import annotations

from sync.context import MutationContext

from server.accounts.models import User
from server.scopes import STAFF, user_scope


def new_person(ctx: MutationContext, user: User) -> None:
    ctx.put("user", user, [user_scope(user.id), *([STAFF] if user.is_staff else [])])
