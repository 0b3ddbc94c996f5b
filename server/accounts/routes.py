"""Sign-in by e-mailed link (its screen, then the button's POST), who am I, sign out."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from server import ratelimits
from server.accounts import calendar_token, signin
from server.accounts.auth import csrf_token, current_session, current_user_id, login_required, sign_in, sign_out
from server.accounts.models import User
from server.accounts.schemas import email_link_in, link_in, user_out
from server.errors import ApiError
from server.extensions import db
from server.ratelimits import limiter
from server.web import link_page

bp = Blueprint("accounts", __name__)


@bp.post("/api/auth/email-link")
@limiter.limit(ratelimits.SIGN_IN_LETTERS, key_func=ratelimits.by_email, deduct_when=ratelimits.accepted,
               error_message=ratelimits.SIGN_IN_TOO_MANY)
@limiter.limit(ratelimits.SIGN_IN_FROM_ADDRESS, error_message=ratelimits.FROM_HERE_TOO_MANY)
def email_link():
    data = email_link_in.load(request.get_json(silent=True) or {})
    signin.send_link(db.session, data["email"])
    return jsonify({"status": "sent"}), 202  # the same answer either way: nobody learns who has an account


@bp.get("/auth/link/<token>")
def link_screen(token: str):
    """The link from the letter opens a screen and changes nothing: a mail scanner that
    fetches it first (HEAD or GET) must not use it up. The screen's button posts below."""
    return link_page()


@bp.post("/api/auth/link")
@ratelimits.links
def use_link():
    data = link_in.load(request.get_json(silent=True) or {})
    user_id = signin.use_link(db.session, data["token"])
    sign_in(user_id, "email_link")
    return jsonify(_me(db.session.get(User, user_id)))


def _me(user: User) -> dict:
    limits = {"file_max_bytes": current_app.config["FILE_MAX_BYTES"]}  # the phone shows the real limit
    return {"user": user_out.dump(user), "csrf_token": csrf_token(), "limits": limits,
            "calendar_url": calendar_token.url(user),  # null until calendar.reset
            "session_id": current_session().id}  # which row of her devices is this one


@bp.get("/api/me")
@login_required
def me():
    user = db.session.get(User, current_user_id())
    if user is None:  # the account is gone: end the session
        sign_out()
        raise ApiError(401, "unauthorized", "Zaloguj się, aby kontynuować.")
    return jsonify(_me(user))


@bp.post("/api/auth/logout")
def logout():
    sign_out()  # on the server too: a copy of the cookie answers 401 from now on
    return "", 204
