"""The one-time links networks send (an invitation, a request's confirmation): what their screen
shows before she taps, and what its button does. Opening a link changes nothing; the button
runs a registered mutation as the person the letter went to, so what it makes reaches every
device through the change log."""
from __future__ import annotations

from sqlalchemy.orm import Session
from sync import Rejected, SyncEngine

from server.accounts import services as accounts
from server.db import new_id
from server.errors import ApiError
from server.networks import invitations, requests
from server.networks.models import Invitation, Network, PublicRequest

STATUS = {"link_invalid": 410, "invalid": 400, "forbidden": 403}  # any other refusal: 409


def _invitation(session: Session, token: str) -> Invitation:
    invitation = invitations.find(session, token)
    if invitation is None:
        raise ApiError(410, "link_invalid", invitations.USED)
    return invitation


def _request(session: Session, token: str) -> PublicRequest:
    pending = requests.find_public(session, token)
    if pending is None:
        raise ApiError(410, "link_invalid", requests.USED)
    return pending


def invitation_info(session: Session, token: str) -> dict:
    """Which network, for whom, and whether she has to give her name (no account yet)."""
    invitation = _invitation(session, token)
    network = session.get(Network, invitation.network_id)
    has_account = accounts.find_user_by_email(session, invitation.email) is not None
    return {"network": {"id": network.id, "name": network.name}, "email": invitation.email,
            "role": invitation.role, "has_account": has_account}


def accept_invitation(session: Session, engine: SyncEngine, args: dict) -> tuple[str, str]:
    """`invitation.accept` as the invitee; the network she joined, and who she is now."""
    invitation = _invitation(session, args["token"])
    network_id = invitation.network_id  # read before the mutation uses the invitation up
    return network_id, _as_addressee(session, engine, invitation.email, "invitation.accept", args)


def request_info(session: Session, token: str) -> dict:
    """The network asked for, and her address."""
    pending = _request(session, token)
    return {"email": pending.email, "request": {"name": pending.payload.get("name", "")}}


def confirm_request(session: Session, engine: SyncEngine, args: dict) -> str:
    """`network_request.confirm` as the person who filled in the form; who she is now."""
    return _as_addressee(session, engine, _request(session, args["token"]).email, "network_request.confirm", args)


def _as_addressee(session: Session, engine: SyncEngine, email: str, mutation: str, args: dict) -> str:
    """Run ``mutation`` as the person the letter went to (with a new id when she has no
    account yet: the mutation makes it); her id, for the route to sign her in."""
    user = accounts.find_user_by_email(session, email)
    actor = user.id if user is not None else new_id()
    try:
        with engine.writing(session, actor) as ctx:
            engine.run(ctx, mutation, args)
    except Rejected as exc:
        raise ApiError(STATUS.get(exc.code, 409), exc.code, exc.message, exc.fields) from None
    return actor
