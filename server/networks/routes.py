"""Links from e-mails (invitations, confirmed requests) and the public request form: each route
loads its input, calls networks/links.py or requests.py, and answers."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from server import ratelimits
from server.accounts.auth import sign_in
from server.extensions import db, sync_engine
from server.networks import links, requests
from server.ratelimits import limiter
from server.networks.schemas import InvitationAccept, PublicRequestIn, RequestConfirm
from server.web import link_page

bp = Blueprint("networks", __name__)
invitation_accept_in = InvitationAccept()
public_request_in = PublicRequestIn()
request_confirm_in = RequestConfirm()


@bp.get("/auth/invite/<token>")
def invitation_screen(token: str):
    return link_page()  # changes nothing: the screen's button posts below


@bp.get("/api/auth/invite/<token>")
@ratelimits.links
def invitation_info(token: str):
    """What the invitation screen shows before she taps."""
    return jsonify(links.invitation_info(db.session, token))


@bp.post("/api/auth/invite")
@ratelimits.links
def accept_invitation():
    data = invitation_accept_in.load(request.get_json(silent=True) or {})
    network_id, user_id = links.accept_invitation(db.session, sync_engine(), data)
    sign_in(user_id, "invitation")
    return jsonify({"network_id": network_id})


@bp.post("/api/public/network-requests")
@limiter.limit(ratelimits.REQUEST_LETTERS, key_func=ratelimits.by_email, deduct_when=ratelimits.accepted,
               error_message=ratelimits.REQUEST_TOO_MANY)
@limiter.limit(ratelimits.REQUEST_FROM_ADDRESS, error_message=ratelimits.FROM_HERE_TOO_MANY)
def public_request():
    """For someone with no account: confirm the e-mail first, then the request and the account exist."""
    data = public_request_in.load(request.get_json(silent=True) or {})
    requests.file_public(db.session, data, current_app.config["BASE_URL"])
    return jsonify({"status": "sent"}), 202  # the same answer whatever happened


@bp.get("/auth/confirm-request/<token>")
def confirm_screen(token: str):
    return link_page()  # changes nothing: the screen's button posts below


@bp.get("/api/auth/confirm-request/<token>")
@ratelimits.links
def confirm_info(token: str):
    """What the confirmation screen shows before she taps."""
    return jsonify(links.request_info(db.session, token))


@bp.post("/api/auth/confirm-request")
@ratelimits.links
def confirm_request():
    data = request_confirm_in.load(request.get_json(silent=True) or {})
    sign_in(links.confirm_request(db.session, sync_engine(), data), "email_link")
    return jsonify({"status": "filed"})
