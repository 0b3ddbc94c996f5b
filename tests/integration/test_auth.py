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


def token_of(path: str) -> str:
    return path.rsplit("/", 1)[1]


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

    signed_in = http.post("/api/auth/link", json={"token": token_of(path)})
    assert signed_in.status_code == 200
    cookie = signed_in.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    answer = signed_in.get_json()  # what the PWA needs, without asking /api/me again
    assert answer["user"]["email"] == "anna.nowak@example.org" and answer["user"]["name"] == "Anna Nowak"
    assert answer["limits"] == {"file_max_bytes": app.config["FILE_MAX_BYTES"]}
    me = http.get("/api/me").get_json()
    assert me["user"] == answer["user"] and me["csrf_token"] == answer["csrf_token"] and len(me["csrf_token"]) > 20

    again = app.test_client().post("/api/auth/link", json={"token": token_of(path)})
    assert again.status_code == 410
    assert again.get_json() == {"error": {"code": "link_invalid",
                                          "message": "Ten link do logowania wygasł albo został już użyty. Wyślij sobie nowy."}}


def test_opening_a_sign_in_link_uses_nothing(app, demo):
    """A mail scanner fetches the link (HEAD, then GET) before she taps it: none of that signs
    anyone in or uses the link up. The screen it opens posts the token; that works once."""
    http = app.test_client()
    http.post("/api/auth/email-link", json={"email": "jan.kowalski@example.org"})
    path = link_in(mails(app)[0])
    scanner = app.test_client()
    for _ in range(3):
        head, get = scanner.head(path), scanner.get(path)
        for response in (head, get):
            assert response.status_code == 200, response.status_code
            assert response.headers["Cache-Control"] == "no-store"
            assert response.headers["Referrer-Policy"] == "no-referrer"
            assert "Set-Cookie" not in response.headers
        assert b"<title>" in get.data  # the app shell: the app shows the link's screen
    assert scanner.get("/api/me").status_code == 401

    assert http.post("/api/auth/link", json={"token": token_of(path)}).status_code == 200
    assert http.get("/api/me").get_json()["user"]["email"] == "jan.kowalski@example.org"
    second = app.test_client().post("/api/auth/link", json={"token": token_of(path)})
    assert second.status_code == 410 and second.get_json()["error"]["code"] == "link_invalid"


def test_a_sign_in_token_is_checked_before_use(app, demo):
    http = app.test_client()
    for body in ({}, {"token": 42}, {"token": "krótki"}, {"token": "x" * 43 + "\n"}, {"token": "a/b" * 20}):
        response = http.post("/api/auth/link", json=body)
        assert response.status_code == 400, body
        assert response.get_json()["error"]["code"] == "invalid_request" and "token" in response.get_json()["error"]["fields"]
    unknown = http.post("/api/auth/link", json={"token": "x" * 43})
    assert unknown.status_code == 410 and unknown.get_json()["error"]["code"] == "link_invalid"
    assert http.post("/api/auth/link", data="{", content_type="application/json").status_code == 400
    assert http.get("/api/me").status_code == 401


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
    assert http.post("/api/auth/link", json={"token": token_of(path)}).status_code == 410
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
    answers = [http.post("/api/auth/email-link", json={"email": "anna.nowak@example.org"}) for _ in range(7)]
    assert [a.status_code for a in answers] == [202] * 5 + [429] * 2
    assert answers[5].get_json()["error"]["code"] == "rate_limited" and int(answers[5].headers["Retry-After"]) > 0
    assert len(mails(app)) == 5
