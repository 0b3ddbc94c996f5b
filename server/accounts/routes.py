"""Sign-in by e-mailed link (its screen, then the button's POST), who am I, sign out."""
from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify, request, session

from server import mail
from server.accounts import services
from server.accounts.auth import current_user_id, login_required, sign_in
from server.accounts.models import User
from server.accounts.schemas import email_link_in, link_in, user_out
from server.errors import ApiError
from server.extensions import db
from server.web import link_page

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
def link_screen(token: str):
    """The link from the letter opens a screen and changes nothing: a mail scanner that
    fetches it first (HEAD or GET) must not use it up. The screen's button posts below."""
    return link_page()


@bp.post("/api/auth/link")
def use_link():
    data = link_in.load(request.get_json(silent=True) or {})
    user_id = services.consume_login_token(db.session, data["token"])
    db.session.commit()
    if user_id is None:
        raise ApiError(410, "link_invalid", "Ten link do logowania wygasł albo został już użyty. Wyślij sobie nowy.")
    sign_in(user_id)
    return jsonify(_me(db.session.get(User, user_id)))


def _me(user: User) -> dict:
    limits = {"file_max_bytes": current_app.config["FILE_MAX_BYTES"]}  # the phone shows the real limit
    return {"user": user_out.dump(user), "csrf_token": session["csrf"], "limits": limits}


@bp.get("/api/me")
@login_required
def me():
    user = db.session.get(User, current_user_id())
    if user is None:  # the account is gone: end the session
        session.clear()
        raise ApiError(401, "unauthorized", "Zaloguj się, aby kontynuować.")
    return jsonify(_me(user))


@bp.post("/api/auth/logout")
def logout():
    session.clear()
    return "", 204
