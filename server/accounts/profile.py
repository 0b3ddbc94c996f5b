"""Each person keeps her own profile: `profile.update`."""
from __future__ import annotations

from sync.context import MutationContext

from server.accounts import publish
from server.accounts.models import User
from server.hooks import Hook

# Checks of the arguments by the domains that know what they name (org: the school),
# called before anything is written; a check refuses by raising Rejected.
checks = Hook("profile.update arguments checked")
# ``fn(ctx, user)`` after her row is published: domains that show her name elsewhere follow it
# (networks: the catalogue names each network's coordinators).
changed = Hook("a profile changed")


def update_profile(ctx: MutationContext, args: dict) -> None:
    """Fellow members see the new name everywhere."""
    checks(ctx, args)
    user = ctx.session.get(User, ctx.user_id)
    for key in ("name", "function", "subjects", "form_of_address", "share_email", "lang"):
        if key in args:
            setattr(user, key, args[key])
    if "school_id" in args:
        user.school_id = str(args["school_id"]) if args["school_id"] else None
    publish.person(ctx, user)
    changed(ctx, user)
