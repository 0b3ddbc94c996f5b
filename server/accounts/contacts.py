"""Her e-mail address for her fellow members, only while she shares it (profile: share_email).

A `contact` row {id: user_id, email} goes to the scopes of the networks she is active in;
turned off, or once she leaves a network, it is deleted there. It follows every publish of
her person row (accounts/publish.py), which a membership's change and profile.update make.
"""
from __future__ import annotations

from sync.context import MutationContext

from server.accounts.models import User
from server.hooks import Hook

# The scopes that may show her address, from the domain that knows them (networks: the
# networks she is active in); each listener answers ``fn(ctx, user) -> list of scopes``.
contact_scopes = Hook("the scopes a person's shared e-mail address goes to")


def serialize_contact(user: User) -> dict:
    return {"id": user.id, "email": user.email}


def publish(ctx: MutationContext, user: User, maybe_held: list[str]) -> None:
    """``maybe_held``: every scope her row goes to, so every one that may hold her address."""
    shared = {s for scopes in contact_scopes(ctx, user) for s in scopes} if user.share_email else set()
    if shared:
        ctx.put("contact", user, sorted(shared))
    gone = [s for s in maybe_held if s not in shared and ctx.published(s, "contact", user.id)]
    if gone:
        ctx.delete("contact", user.id, gone)
