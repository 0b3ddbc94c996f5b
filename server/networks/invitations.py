"""Accepting an e-mailed invitation: the link's screen posts it (POST /api/auth/invite runs
`invitation.accept` as the invitee), or a signed-in device pushes it like any write.

Opening the link changes nothing; this mutation is the only way in, so the new membership
reaches every device through the change log."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sync import Rejected
from sync.context import MutationContext

from server.accounts import publish as people
from server.accounts import services as accounts
from server.accounts.models import User
from server.db import utcnow
from server.networks import publish, rights
from server.networks.membership import activate, hash_token
from server.networks.models import Invitation, Network

USED = "To zaproszenie wygasło albo zostało już użyte. Poproś koordynatora sieci o nowe."


def find(session: Session, token: str, *, lock: bool = False) -> Invitation | None:
    """The invitation a link carries, while it is unused and unexpired."""
    query = select(Invitation).where(Invitation.token_hash == hash_token(token), Invitation.accepted_at.is_(None),
                                     Invitation.expires_at > utcnow())
    return session.scalars(query.with_for_update() if lock else query).first()


def accept(ctx: MutationContext, args: dict) -> None:
    """Checks first, then writes: her account when she has none (made with the context's id),
    the invitation used up, the membership it promised."""
    invitation = find(ctx.session, args["token"], lock=True)  # a second tap waits, then finds it used
    if invitation is None:
        raise Rejected("link_invalid", USED)
    me = ctx.session.get(User, ctx.user_id)
    if me is None:  # no account yet: the link's screen asked for her name
        if accounts.find_user_by_email(ctx.session, invitation.email) is not None:
            raise Rejected("forbidden", "To zaproszenie jest dla innej osoby.")
        if not args.get("name"):
            raise Rejected("invalid", "Podaj imię i nazwisko.", {"name": ["Podaj imię i nazwisko."]})
    elif me.email != invitation.email:
        raise Rejected("forbidden", "To zaproszenie jest dla innego adresu e-mail.")
    net = rights.writable(ctx.session.get(Network, invitation.network_id))
    if me is not None and rights.is_active(rights.membership(ctx, net.id, me.id)):
        raise Rejected("conflict", "Już należysz do tej sieci.")

    if me is None:
        me = accounts.create_user(ctx.session, invitation.email, args["name"], user_id=ctx.user_id)
        people.person(ctx, me)
    invitation.accepted_at = utcnow()
    publish.invitation(ctx, invitation)
    activate(ctx, net, me.id, invitation.role, invitation.expert_until)
