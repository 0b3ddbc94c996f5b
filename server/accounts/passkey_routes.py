"""The passkey ceremonies: options, then the browser's answer. Sign-in with a passkey ends
as the e-mailed link's does (server.accounts.auth.sign_in, then who she is)."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from server import ratelimits
from server.accounts import passkeys
from server.accounts.auth import current_user_id, login_required, sign_in
from server.accounts.models import User
from server.accounts.passkey_rows import serialize_passkey
from server.accounts.passkey_schemas import login_verify_in, register_verify_in
from server.accounts.routes import _me as signed_in_as  # the answer the e-mailed link gets
from server.extensions import db, sync_engine
from server.ratelimits import limiter

bp = Blueprint("passkeys", __name__)
# Every passkey ceremony from one address, counted together.
ceremonies = limiter.shared_limit(ratelimits.PASSKEYS_FROM_ADDRESS, scope="passkeys",
                                  error_message=ratelimits.FROM_HERE_TOO_MANY)


@bp.post("/api/auth/passkey/register/options")
@ceremonies
@login_required
def register_options():
    return jsonify(passkeys.registration_options(db.session, db.session.get(User, current_user_id())))


@bp.post("/api/auth/passkey/register/verify")
@ceremonies
@login_required
def register_verify():
    data = register_verify_in.load(request.get_json(silent=True) or {})
    passkey = passkeys.register(db.session, sync_engine(), current_user_id(), data["credential"], data["name"])
    return jsonify({"passkey": serialize_passkey(passkey)}), 201


@bp.post("/api/auth/passkey/login/options")
@ceremonies
def login_options():
    return jsonify(passkeys.login_options(db.session))


@bp.post("/api/auth/passkey/login/verify")
@ceremonies
def login_verify():
    data = login_verify_in.load(request.get_json(silent=True) or {})
    user_id = passkeys.login(db.session, sync_engine(), data["credential"])
    sign_in(user_id, "passkey")
    return jsonify(signed_in_as(db.session.get(User, user_id)))
