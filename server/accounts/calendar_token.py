"""Her private calendar feed's secret: `calendar.reset` makes it (the first time too) or
replaces it, and the old address stops working at once. A GET never makes one."""
from __future__ import annotations

import secrets

from flask import current_app
from sync.context import MutationContext

from server.accounts.models import User


def reset(ctx: MutationContext, _args: dict) -> None:
    user = ctx.session.get(User, ctx.user_id)
    user.calendar_token = secrets.token_urlsafe(32)  # 43 characters, 256 random bits
    ctx.add(user)  # not on any device: only /api/me tells her the address


def url(user: User) -> str | None:
    """The feed's address, or None until calendar.reset has made one."""
    if not user.calendar_token:
        return None
    return f"{current_app.config['BASE_URL']}/calendar/{user.calendar_token}.ics"
