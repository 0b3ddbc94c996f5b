"""Links from e-mails (invitations, confirmed requests), the public request form, dashboard, export."""
from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from flask import Blueprint, current_app, jsonify, request
from marshmallow import fields, validate
from sqlalchemy import func, select
from sync import Rejected

from server.accounts import services as accounts
from server.accounts.auth import current_user_id, login_required, sign_in
from server.accounts.models import FUNCTIONS, User
from server.db import new_id, utcnow
from server.errors import ApiError
from server.extensions import db, sync_engine
from server.fields import Trimmed
from server.mailqueue.services import kick, outgoing
from server.networks import emails, invitations, requests
from server.networks.membership import hash_token
from server.networks.models import Network, PublicRequest
from server.networks.schemas import InvitationAccept, RequestConfirm, RequestCreate
from server.web import link_page

bp = Blueprint("networks", __name__)


def _refused(exc: Rejected) -> ApiError:
    status = {"link_invalid": 410, "invalid": 400, "forbidden": 403}.get(exc.code, 409)
    return ApiError(status, exc.code, exc.message, exc.fields)


def _as_link_owner(email: str, mutation: str, args: dict) -> None:
    """Run what a link's button asks for as the person the letter went to (with a new id
    when she has no account yet: the mutation makes it), then sign her in."""
    user = accounts.find_user_by_email(db.session, email)
    actor = user.id if user is not None else new_id()
    engine = sync_engine()
    try:
        with engine.writing(db.session, actor) as ctx:
            engine.run(ctx, mutation, args)
    except Rejected as exc:
        raise _refused(exc) from None
    sign_in(actor)


@bp.get("/auth/invite/<token>")
def invitation_screen(token: str):
    return link_page()  # changes nothing: the screen's button posts below


@bp.get("/api/auth/invite/<token>")
def invitation_info(token: str):
    """What the invitation screen shows before she taps: which network, for whom, and
    whether she has to give her name (no account yet)."""
    invitation = invitations.find(db.session, token)
    if invitation is None:
        raise ApiError(410, "link_invalid", invitations.USED)
    network = db.session.get(Network, invitation.network_id)
    has_account = accounts.find_user_by_email(db.session, invitation.email) is not None
    return jsonify({"network": {"id": network.id, "name": network.name}, "email": invitation.email,
                    "role": invitation.role, "has_account": has_account})


invitation_accept_in = InvitationAccept()


@bp.post("/api/auth/invite")
def accept_invitation():
    data = invitation_accept_in.load(request.get_json(silent=True) or {})
    invitation = invitations.find(db.session, data["token"])
    if invitation is None:
        raise ApiError(410, "link_invalid", invitations.USED)
    network_id = invitation.network_id
    _as_link_owner(invitation.email, "invitation.accept", data)
    return jsonify({"network_id": network_id})


class PublicRequestIn(Trimmed):
    email = fields.Email(required=True, validate=validate.Length(max=254))
    name = fields.String(required=True, validate=validate.Length(min=3, max=120, error="Podaj imię i nazwisko."))
    function = fields.String(required=True, validate=validate.OneOf(FUNCTIONS))
    request = fields.Nested(RequestCreate(exclude=("id",)), required=True)


public_request_in = PublicRequestIn()
PUBLIC_REQUEST_HOURS = 24
PUBLIC_REQUESTS_PER_DAY = 3


def _recent_public_requests(email: str) -> int:
    since = utcnow() - timedelta(hours=24)
    return db.session.scalar(
        select(func.count(PublicRequest.id)).where(PublicRequest.email == email, PublicRequest.created_at > since)
    ) or 0


@bp.post("/api/public/network-requests")
def public_request():
    """For someone with no account: confirm the e-mail first, then the request and the account exist."""
    data = public_request_in.load(request.get_json(silent=True) or {})
    token = secrets.token_urlsafe(32)
    email = data["email"].lower()
    if _recent_public_requests(email) >= PUBLIC_REQUESTS_PER_DAY:
        return jsonify({"status": "sent"}), 202  # the same answer: the form is no way to flood an inbox
    db.session.add(
        PublicRequest(email=email, name=data["name"], function=data["function"], payload=data["request"],
                      token_hash=hash_token(token), expires_at=utcnow() + timedelta(hours=PUBLIC_REQUEST_HOURS))
    )
    url = f"{current_app.config['BASE_URL']}/auth/confirm-request/{token}"
    letter = emails.public_request_confirm(email, data["name"], url)
    db.session.add(outgoing(letter))
    db.session.commit()
    kick()
    return jsonify({"status": "sent"}), 202


@bp.get("/auth/confirm-request/<token>")
def confirm_screen(token: str):
    return link_page()  # changes nothing: the screen's button posts below


@bp.get("/api/auth/confirm-request/<token>")
def confirm_info(token: str):
    """What the confirmation screen shows before she taps: the network asked for, and her address."""
    pending = requests.find_public(db.session, token)
    if pending is None:
        raise ApiError(410, "link_invalid", "Ten link wygasł albo został już użyty. Złóż wniosek jeszcze raz.")
    return jsonify({"email": pending.email, "request": {"name": pending.payload.get("name", "")}})


request_confirm_in = RequestConfirm()


@bp.post("/api/auth/confirm-request")
def confirm_request():
    data = request_confirm_in.load(request.get_json(silent=True) or {})
    pending = requests.find_public(db.session, data["token"])
    if pending is None:
        raise ApiError(410, "link_invalid", "Ten link wygasł albo został już użyty. Złóż wniosek jeszcze raz.")
    _as_link_owner(pending.email, "network_request.confirm", data)
    return jsonify({"status": "filed"})
