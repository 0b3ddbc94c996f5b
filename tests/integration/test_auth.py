"""Sign-in by e-mailed link, the session cookie, CSRF, and the one error shape."""
from __future__ import annotations

import re
from datetime import timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path

from sqlalchemy import update

from server.accounts.models import LoginToken
from server.db import utcnow
from server.extensions import db


def mails(app) -> list:
    folder = Path(app.config["MAIL_DIR"])
    files = sorted(folder.glob("*.eml")) if folder.exists() else []
    return [BytesParser(policy=policy.default).parsebytes(f.read_bytes()) for f in files]


def link_in(message) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"http://127\.0\.0\.1:5000(/auth/link/\S+)", text).group(1)


def test_email_link_signs_in_once(app, demo):
    http = app.test_client()
    assert http.get("/api/me").status_code == 401
    response = http.post("/api/auth/email-link", json={"email": "Anna.Nowak@example.org "})
    assert response.status_code == 202
    (message,) = mails(app)
    assert message["To"] == "anna.nowak@example.org"
    assert message["Subject"] == "Link do logowania w Kręgu"
    assert message.get_body(preferencelist=("html",)) is not None
    path = link_in(message)

    follow = http.get(path)
    assert follow.status_code == 302 and follow.headers["Location"] == "/"
    cookie = follow.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    me = http.get("/api/me").get_json()
    assert me["user"]["email"] == "anna.nowak@example.org" and me["user"]["name"] == "Anna Nowak"
    assert len(me["csrf_token"]) > 20
    assert me["limits"] == {"file_max_bytes": app.config["FILE_MAX_BYTES"]}

    again = app.test_client().get(path)
    assert again.headers["Location"] == "/?login_error=link_invalid"


def test_unknown_address_gets_the_same_answer_and_no_mail(app, demo):
    response = app.test_client().post("/api/auth/email-link", json={"email": "nikt@example.org"})
    assert response.status_code == 202 and mails(app) == []


def test_bad_email_is_a_clear_400(app):
    response = app.test_client().post("/api/auth/email-link", json={"email": "nie-adres"})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_request"
    assert "email" in response.get_json()["error"]["fields"]


def test_an_expired_link_does_not_sign_in(app, demo):
    http = app.test_client()
    http.post("/api/auth/email-link", json={"email": "jan.kowalski@example.org"})
    path = link_in(mails(app)[0])
    db.session.execute(update(LoginToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    db.session.commit()
    assert http.get(path).headers["Location"] == "/?login_error=link_invalid"
    assert http.get("/api/me").status_code == 401


def test_writes_need_the_csrf_token(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    body = {"client_id": anna.client_id, "mutations": []}
    missing = anna.http.post("/api/sync/push", json=body)
    wrong = anna.http.post("/api/sync/push", json=body, headers={"X-CSRF-Token": "x" * 43})
    for response in (missing, wrong):
        assert response.status_code == 403
        assert response.get_json() == {"error": {"code": "csrf_failed", "message": response.get_json()["error"]["message"]}}
    assert anna.post_json("/api/sync/push", body).status_code == 200


def test_logout_ends_the_session(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    assert anna.post_json("/api/auth/logout", {}).status_code == 204
    assert anna.http.get("/api/me").status_code == 401
    assert anna.pull().status_code == 401


def test_every_error_has_one_shape(app):
    http = app.test_client()
    for response in (
        http.get("/api/nothing-here"),
        http.delete("/api/me"),
        http.get("/api/sync/pull"),
        http.post("/api/auth/email-link", data="{", content_type="application/json"),
    ):
        body = response.get_json()
        assert set(body) == {"error"}, body
        assert {"code", "message"} <= set(body["error"]), body


def test_health_and_app_shell(app):
    http = app.test_client()
    assert http.get("/healthz").get_json() == {"status": "ok"}
    shell = http.get("/sieci/cokolwiek")
    assert shell.status_code == 200 and b"<title>" in shell.data
    assert shell.headers["Cache-Control"] == "no-cache"
    assert "script-src 'self'" in shell.headers["Content-Security-Policy"]
    assert shell.headers["X-Content-Type-Options"] == "nosniff"


def test_sign_in_links_are_capped_per_address(app, demo):
    http = app.test_client()
    for _ in range(7):
        assert http.post("/api/auth/email-link", json={"email": "anna.nowak@example.org"}).status_code == 202
    assert len(mails(app)) == 5
