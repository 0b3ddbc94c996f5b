"""Who is signed in, the login guard and CSRF protection for the JSON API."""
from __future__ import annotations

import functools
import hmac
import secrets
import time

from flask import Flask, request, session

from server import ratelimits
from server.errors import ApiError

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Endpoints meant for signed-out visitors carry no CSRF token.
CSRF_EXEMPT = {"accounts.email_link", "accounts.use_link", "networks.accept_invitation", "networks.confirm_request",
               "networks.public_request"}


def sign_in(user_id: str) -> None:
    session.clear()
    session.permanent = True
    session["uid"] = user_id
    session["csrf"] = secrets.token_urlsafe(32)
    session["day"] = _today()


def _today() -> int:
    return int(time.time() // 86400)


def current_user_id() -> str | None:
    return session.get("uid")


def by_account() -> str:
    """Whose requests a rate limit counts (server/ratelimits.py): hers when signed in, else the address's."""
    user_id = current_user_id()
    return f"user:{user_id}" if user_id else ratelimits.by_address()


def login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user_id():
            raise ApiError(401, "unauthorized", "Zaloguj się, aby kontynuować.")
        return view(*args, **kwargs)

    return wrapper


def _check_csrf():
    if request.method in SAFE_METHODS or not request.path.startswith("/api/"):
        return None
    if request.endpoint in CSRF_EXEMPT or not current_user_id():
        return None  # signed-out requests are refused by login_required instead
    sent = request.headers.get("X-CSRF-Token", "")
    if not hmac.compare_digest(sent, session.get("csrf", "")):
        raise ApiError(403, "csrf_failed", "Brak lub błędny token zabezpieczający. Odśwież stronę.")
    return None


def _renew_daily():
    """The session's term (PERMANENT_SESSION_LIFETIME) runs from her last day of use, so
    she stays signed in while she keeps using the app, yet the cookie is sent again only
    on her first API request of a day, not on every answer (SESSION_REFRESH_EACH_REQUEST
    off). Never on the PWA's files: they are cached publicly, and must not vary by cookie."""
    if request.path.startswith("/api/") and current_user_id() and session.get("day") != _today():
        session["day"] = _today()  # modified: Flask re-signs and sends it with a new expiry
    return None


def init_app(app: Flask) -> None:
    app.before_request(_check_csrf)
    app.before_request(_renew_daily)
