"""Who is signed in, the login guard and CSRF protection for the JSON API.

The cookie (Flask's signed session) holds the session's secret and the day it was last
sent, nothing else: who she is comes from the server's record (accounts/sessions.py),
checked on every request. The CSRF token is derived from that secret."""
from __future__ import annotations

import functools
import hashlib
import hmac
import time

from flask import Flask, current_app, request, session

from server import ratelimits
from server.accounts import audit, sessions
from server.accounts.models import UserSession
from server.errors import ApiError
from server.extensions import db, sync_engine

SECRET = "sid"  # the cookie's key for the session's secret

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Endpoints meant for signed-out visitors carry no CSRF token.
CSRF_EXEMPT = {"accounts.email_link", "accounts.use_link", "networks.accept_invitation", "networks.confirm_request",
               "networks.public_request"}


def sign_in(user_id: str, method: str) -> None:
    """A new session for her on this device (a row in her list of devices), in the cookie. The one
    this browser held before ends: no copy of an older cookie outlives a new sign-in. ``method``:
    how she proved who she is, for the audit log ("email_link", "invitation", "passkey")."""
    previous = current_session()
    with sync_engine().writing(db.session, user_id) as ctx:
        if previous is not None:
            sessions.end(ctx, [previous])
        record, secret = sessions.start(ctx, request.headers.get("User-Agent"), request.remote_addr)
        audit.record(ctx, f"signin.{method}", target_id=record.id)
    session.clear()
    session.permanent = True
    session[SECRET] = secret
    session["day"] = _today()
    setattr(request, sessions.ON_REQUEST, record)


def sign_out() -> None:
    """This session ends on the server (its cookie, copied or not, answers 401) and here."""
    record = current_session()
    if record is not None:
        with sync_engine().writing(db.session, record.user_id) as ctx:
            sessions.end(ctx, [record])
    session.clear()
    setattr(request, sessions.ON_REQUEST, None)


def current_session() -> UserSession | None:
    """The live session this request came with, read once per request. A cookie whose
    session ended (or one from before sessions were records) is cleared with the answer."""
    if not hasattr(request, sessions.ON_REQUEST):  # on the request, not g: tests share one app context
        record = sessions.find(db.session, session.get(SECRET))
        if record is None and session:
            session.clear()
        setattr(request, sessions.ON_REQUEST, record)
    return getattr(request, sessions.ON_REQUEST)


def csrf_token() -> str:
    """The token her writes carry: only who holds the session's secret can know it."""
    secret = session.get(SECRET, "")
    return hmac.new(current_app.secret_key.encode(), f"csrf:{secret}".encode(), hashlib.sha256).hexdigest()


def _today() -> int:
    return int(time.time() // 86400)


def current_user_id() -> str | None:
    record = current_session()
    return record.user_id if record is not None else None


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
    if not hmac.compare_digest(sent, csrf_token()):
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


def _stamp_use():
    """Her session's last use, at most once an hour, by a write of hers (never by a GET: a GET
    changes nothing). Bookkeeping, after the CSRF check, in its own short transaction."""
    record = current_session() if request.method not in SAFE_METHODS and request.path.startswith("/api/") else None
    if record is not None and sessions.renewal_due(record):
        with sync_engine().writing(db.session, record.user_id) as ctx:
            sessions.renew(ctx, record)
    return None


def init_app(app: Flask) -> None:
    app.before_request(_check_csrf)
    app.before_request(_stamp_use)
    app.before_request(_renew_daily)
