"""Who acts, and the Poradnia's own rights: staff and administrators (docs/roles.md)."""
from __future__ import annotations

from sync import Rejected
from sync.context import MutationContext

from server.accounts.models import User


def actor(ctx: MutationContext) -> User:
    return ctx.get(User, ctx.user_id)


def require_staff(ctx: MutationContext) -> User:
    user = actor(ctx)
    if not user.is_staff:
        raise Rejected("forbidden", "To mogą zrobić tylko pracownicy poradni.")
    return user


def require_admin(ctx: MutationContext) -> User:
    user = actor(ctx)
    if not (user.is_staff and user.is_admin):
        raise Rejected("forbidden", "To może zrobić tylko administrator poradni.")
    return user
