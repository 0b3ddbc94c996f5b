"""Sign-in by e-mailed link, who am I, sign out."""
from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify, redirect, request, session

from server import mail
from server.accounts import services
from server.accounts.auth import current_user_id, login_required, sign_in
from server.accounts.models import User
from server.accounts.schemas import email_link_in, user_out
from server.errors import ApiError
from server.extensions import db

bp = Blueprint("accounts", __name__)
LINKS_PER_QUARTER_HOUR = 5
log = logging.getLogger(__name__)


@bp.post("/api/auth/email-link")
def email_link():
    data = email_link_in.load(request.get_json(silent=True) or {})
    user = services.find_user_by_email(db.session, data["email"])
    if user is not None and services.recent_links(db.session, user, 15) >= LINKS_PER_QUARTER_HOUR:
        log.warning("sign-in links to %s held back: %s sent in 15 minutes", user.email, LINKS_PER_QUARTER_HOUR)
        user = None  # the answer stays the same: nobody learns anything from it
    if user is not None:
        minutes = current_app.config["LOGIN_LINK_MINUTES"]
        token = services.issue_login_token(db.session, user, minutes)
        db.session.commit()
        try:
            mail.send(_login_mail(user, login_url(token), minutes))
        except OSError:
            log.exception("could not send the sign-in link to %s", user.email)
    # The same answer either way: nobody learns who has an account.
    return jsonify({"status": "sent"}), 202


def login_url(token: str) -> str:
    return f"{current_app.config['BASE_URL']}/auth/link/{token}"


def _login_mail(user: User, url: str, minutes: int) -> mail.Letter:
    return mail.letter(
        user.email,
        "Link do logowania w Kręgu",
        f"Dzień dobry, {user.name}!",
        [
            f"Aby zalogować się do Kręgu, otwórz poniższy link. Działa jeden raz przez {minutes} minut.",
            "Jeśli to nie Ty prosisz o logowanie, zignoruj tę wiadomość.",
        ],
        ("Zaloguj się do Kręgu", url),
    )


@bp.get("/auth/link/<token>")
def follow_link(token: str):
    user_id = services.consume_login_token(db.session, token)
    db.session.commit()
    if user_id is None:
        return redirect("/?login_error=link_invalid")
    sign_in(user_id)
    return redirect("/")


@bp.get("/api/me")
@login_required
def me():
    user = db.session.get(User, current_user_id())
    if user is None:  # the account is gone: end the session
        session.clear()
        raise ApiError(401, "unauthorized", "Zaloguj się, aby kontynuować.")
    limits = {"file_max_bytes": current_app.config["FILE_MAX_BYTES"]}  # the phone shows the real limit
    return jsonify({"user": user_out.dump(user), "csrf_token": session["csrf"], "limits": limits})


@bp.post("/api/auth/logout")
def logout():
    session.clear()
    return "", 204
