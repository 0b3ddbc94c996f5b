"""The session cookie is sent when it changes and once a day, not on every answer."""
from __future__ import annotations

import time
from email.utils import parsedate_to_datetime

from server.accounts import auth

ANNA = "anna.nowak@example.org"
TERM = 30 * 24 * 3600  # PERMANENT_SESSION_LIFETIME: KRAG_SESSION_DAYS, 30 by default


def _expires_in(response) -> float:
    cookie = response.headers["Set-Cookie"]
    expires = next(p.split("=", 1)[1] for p in cookie.split("; ") if p.lower().startswith("expires="))
    return parsedate_to_datetime(expires).timestamp() - time.time()


def test_signed_in_requests_send_no_cookie_when_nothing_changed(app, demo, as_user):
    anna = as_user(ANNA)  # signing in sent one
    for _ in range(3):
        me = anna.http.get("/api/me")
        assert me.status_code == 200 and "Set-Cookie" not in me.headers
    assert "Set-Cookie" not in anna.pull().headers
    shell = anna.http.get("/", headers={"Accept-Encoding": "br"})
    assert "Set-Cookie" not in shell.headers and "Cookie" not in shell.vary  # the PWA's files never vary by her
    pushed = anna.push()  # a write with the CSRF token: the session itself is unchanged
    assert pushed.status_code == 200 and "Set-Cookie" not in pushed.headers


def test_signing_in_sets_a_cookie_for_the_whole_term(app, demo):
    from server.accounts import services
    from server.extensions import db

    http = app.test_client()
    token = services.issue_login_token(db.session, services.find_user_by_email(db.session, ANNA), 15)
    db.session.commit()
    signed = http.post("/api/auth/link", json={"token": token})
    assert signed.status_code == 200 and "krag_session=" in signed.headers["Set-Cookie"]
    assert abs(_expires_in(signed) - TERM) < 60


def test_the_term_is_renewed_on_the_first_request_of_a_day(app, demo, as_user, monkeypatch):
    anna = as_user(ANNA)
    tomorrow = auth._today() + 1
    monkeypatch.setattr(auth, "_today", lambda: tomorrow)
    renewed = anna.http.get("/api/me")
    assert renewed.status_code == 200 and "krag_session=" in renewed.headers["Set-Cookie"]
    assert abs(_expires_in(renewed) - TERM) < 60  # a full term again from this request
    again = anna.http.get("/api/me")
    assert again.status_code == 200 and "Set-Cookie" not in again.headers  # once that day


def test_a_session_from_before_gets_its_day_once(app, demo, as_user):
    """A cookie made before the daily renewal has no day in it: renewed once, then quiet."""
    anna = as_user(ANNA)
    with anna.http.session_transaction() as session:
        session.pop("day")
    assert "Set-Cookie" in anna.http.get("/api/me").headers
    assert "Set-Cookie" not in anna.http.get("/api/me").headers


def test_signing_out_still_clears_the_cookie(app, demo, as_user):
    anna = as_user(ANNA)
    out = anna.post_json("/api/auth/logout", {})
    assert out.status_code == 204 and "krag_session=;" in out.headers["Set-Cookie"]
    assert anna.http.get("/api/me").status_code == 401
