"""Links from e-mails (invitations, confirmed requests), the public request form, dashboard, export."""
from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from flask import Blueprint, current_app, jsonify, redirect, request
from marshmallow import fields, validate
from sqlalchemy import func, select, update
from sync import Rejected

from server.accounts import publish as people
from server.accounts import services as accounts
from server.accounts.auth import current_user_id, login_required, sign_in
from server.accounts.models import FUNCTIONS, User
from server.db import utcnow
from server.errors import ApiError
from server.extensions import db
from server.fields import Trimmed
from server.mailqueue.services import kick, outgoing
from server.networks import dashboard, emails, export
from server.networks.membership import activate, hash_token
from server.networks.models import Invitation, Network, PublicRequest
from server.networks.schemas import RequestCreate
from server.syncing.engine import engine

bp = Blueprint("networks", __name__)


def _valid_invitation(token: str) -> Invitation | None:
    return db.session.scalars(
        select(Invitation).where(Invitation.token_hash == hash_token(token), Invitation.accepted_at.is_(None),
                                 Invitation.expires_at > utcnow())
    ).first()


def _accept(invitation: Invitation, user: User) -> str:
    """Make the membership the invitation promised; return the network id."""
    with engine.writing(db.session, user.id) as ctx:
        net = db.session.get(Network, invitation.network_id)
        if net.status == "archived":
            raise Rejected("archived", "Sieć jest już w archiwum.")
        claimed = db.session.execute(
            update(Invitation).where(Invitation.id == invitation.id, Invitation.accepted_at.is_(None))
            .values(accepted_at=utcnow())
        ).rowcount
        if claimed:
            activate(ctx, net, user.id, invitation.role, invitation.expert_until)
    return net.id


@bp.get("/auth/invite/<token>")
def follow_invitation(token: str):
    invitation = _valid_invitation(token)
    if invitation is None:
        return redirect("/?login_error=invite_invalid")
    user = accounts.find_user_by_email(db.session, invitation.email)
    if user is None:
        return redirect(f"/?invite={token}")  # the app asks for her name, then posts below
    try:
        network_id = _accept(invitation, user)
    except Rejected:
        return redirect("/?login_error=invite_invalid")
    sign_in(user.id)
    return redirect(f"/#/n/{network_id}")


@bp.get("/api/auth/invite/<token>")
def invitation_info(token: str):
    """What the invitation screen shows before she gives her name: which network, for whom."""
    invitation = _valid_invitation(token)
    if invitation is None:
        raise ApiError(410, "invite_invalid", "Zaproszenie wygasło albo zostało już użyte.")
    network = db.session.get(Network, invitation.network_id)
    return jsonify({"network": {"id": network.id, "name": network.name}, "email": invitation.email,
                    "role": invitation.role})


class InviteAccept(Trimmed):
    token = fields.String(required=True, validate=validate.Length(min=20, max=100))
    name = fields.String(required=True, validate=validate.Length(min=3, max=120, error="Podaj imię i nazwisko."))


invite_accept_in = InviteAccept()


@bp.post("/api/auth/invite")
def accept_invitation():
    data = invite_accept_in.load(request.get_json(silent=True) or {})
    invitation = _valid_invitation(data["token"])
    if invitation is None:
        raise ApiError(410, "invite_invalid", "Zaproszenie wygasło albo zostało już użyte.")
    user = accounts.find_user_by_email(db.session, invitation.email)
    if user is None:
        user = accounts.create_user(db.session, invitation.email, data["name"])
        with engine.writing(db.session, user.id) as ctx:
            people.person(ctx, user)
    try:
        network_id = _accept(invitation, user)
    except Rejected as exc:
        raise ApiError(409, exc.code, exc.message)
    sign_in(user.id)
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
def confirm_public_request(token: str):
    now = utcnow()
    pending = db.session.scalars(
        update(PublicRequest)
        .where(PublicRequest.token_hash == hash_token(token), PublicRequest.used_at.is_(None), PublicRequest.expires_at > now)
        .values(used_at=now).returning(PublicRequest)
    ).first()
    if pending is None:
        db.session.rollback()
        return redirect("/?login_error=link_invalid")
    user = accounts.find_user_by_email(db.session, pending.email)
    fresh = user is None
    if fresh:
        user = accounts.create_user(db.session, pending.email, pending.name)
        user.function = pending.function
    with engine.writing(db.session, user.id) as ctx:
        if fresh:
            people.person(ctx, user)
        engine.run(ctx, "network_request.create", pending.payload | {"id": str(uuid.uuid4())})
    sign_in(user.id)
    return redirect("/#/requests")


@bp.get("/api/staff/dashboard")
@login_required
def staff_dashboard():
    user = db.session.get(User, current_user_id())
    if user is None or not user.is_staff:
        raise ApiError(403, "forbidden", "Panel jest dostępny tylko dla pracowników poradni.")
    return jsonify(dashboard.summary(db.session))


@bp.get("/api/networks/<network_id>/export")
@login_required
def export_network(network_id: str):
    body = export.for_member(db.session, network_id, current_user_id())
    if body is None:
        raise ApiError(404, "not_found", "Nie ma takiej sieci albo nie należysz do niej.")
    response = jsonify(body)
    response.headers["Content-Disposition"] = f'attachment; filename="siec-{network_id}.json"'
    return response
