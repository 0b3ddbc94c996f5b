"""What probing the server found (issue #11), each answered in the one error shape, never a 500:
bodies too large or too deep, paths too long or holding NUL, a line break in a letter's header,
requests flooding the staff's inbox, links printed at the console counted as letters, and
answers a browser or proxy could keep."""
from __future__ import annotations

import hashlib
import tracemalloc
import uuid

import pytest
from sqlalchemy import func, select

from server.extensions import db
from server.mailqueue.models import OutgoingMail
from server.networks import requests
from tests.apiclient import krag_cli
from tests.integration.forum_helpers import MATH, a_thread_in, first_outcome, network_id, outcome
from tests.integration.test_auth import mails
from tests.integration.test_networks_flow import new_request

DEEP = "[" * 100_000


class Endless:
    """A request body of ``size`` bytes made as it is read, so only the server's own copies count."""

    def __init__(self, size: int, head: bytes = b'{"email": "'):
        self.size, self.pos, self.head = size, 0, head

    def read(self, n: int = -1) -> bytes:
        n = self.size - self.pos if n is None or n < 0 else min(n, self.size - self.pos)
        start, self.pos = self.pos, self.pos + n
        head = self.head[start:start + n]
        return head + b"a" * (n - len(head))

    readline = read

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = 0) -> int:
        self.pos = {0: offset, 1: self.pos + offset, 2: self.size + offset}[whence]
        return self.pos


def test_a_signed_out_50_mb_body_is_refused_unread(app, demo):
    size = 50 * 1024 * 1024
    tracemalloc.start()
    try:
        answer = app.test_client().post("/api/auth/email-link", input_stream=Endless(size),
                                        headers={"Content-Type": "application/json", "Content-Length": str(size)})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert answer.status_code == 413
    assert answer.get_json() == {"error": {"code": "too_large", "message": "Przesłane dane są za duże."}}
    assert peak < 5 * 1024 * 1024, f"{peak / 1e6:.1f} MB held for a refused body"


def test_json_bodies_are_small_uploads_take_a_whole_file(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    over = app.config["JSON_MAX_BYTES"] + 1
    assert app.test_client().post("/api/public/network-requests", data=b"{" + b" " * over + b"}",
                                  content_type="application/json").status_code == 413
    # A push carries a week of replies: it may be larger, yet not unbounded.
    big_push = b'{"client_id": "' + b" " * app.config["PUSH_MAX_BYTES"] + b'"}'
    answer = anna.http.post("/api/sync/push", data=big_push, content_type="application/json",
                            headers={"X-CSRF-Token": anna.csrf})
    assert answer.status_code == 413 and answer.get_json()["error"]["code"] == "too_large"
    within = anna.push(*[_long_reply(a_thread_in(MATH)) for _ in range(30)])  # ~1.8 MB: above the JSON limit
    assert within.status_code == 200 and set(outcome(within)) == {"applied"}
    # A file up to its limit goes through; a body past it is refused before it is read.
    pdf = b"%PDF-1.4\n" + b"0" * (2 * app.config["JSON_MAX_BYTES"])
    sent = anna.http.put(f"/api/files/{hashlib.sha256(pdf).hexdigest()}", data=pdf, headers={"X-CSRF-Token": anna.csrf})
    assert sent.status_code == 201, sent.get_json()
    limit = app.config["FILE_MAX_BYTES"]
    sha = "0" * 64
    too_big = anna.http.put(f"/api/files/{sha}", input_stream=Endless(limit + 1024 * 1024, b""),
                            headers={"X-CSRF-Token": anna.csrf, "Content-Length": str(limit + 1024 * 1024)})
    assert too_big.status_code == 413 and too_big.get_json()["error"]["code"] == "too_large"


def _long_reply(thread_id: str) -> tuple[str, dict]:
    return "post.create", {"id": str(uuid.uuid4()), "thread_id": thread_id, "body": "ą" * 10_000}


def test_a_body_nested_too_deep_is_a_400(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    signed_out = app.test_client()
    answers = {
        "push": anna.http.post("/api/sync/push", data=DEEP, content_type="application/json",
                               headers={"X-CSRF-Token": anna.csrf}),
        "email-link": signed_out.post("/api/auth/email-link", data=DEEP, content_type="application/json"),
        "public request": signed_out.post("/api/public/network-requests", data=DEEP, content_type="application/json"),
        "link": signed_out.post("/api/auth/link", data=DEEP, content_type="application/json"),
        "invite": signed_out.post("/api/auth/invite", data=DEEP, content_type="application/json"),
        "confirm": signed_out.post("/api/auth/confirm-request", data=DEEP, content_type="application/json"),
    }
    for route, answer in answers.items():
        assert answer.status_code == 400, route
        assert answer.get_json()["error"]["code"] == "invalid_request", route
    # A cursor is JSON too, inside base64.
    import base64

    cursor = base64.urlsafe_b64encode(b"[" * 70_000).decode().rstrip("=")
    pulled = anna.pull(cursor)
    assert pulled.status_code == 400 and pulled.get_json()["error"]["fields"] == {"cursor": ["Nieznany kursor."]}


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_very_long_path_is_a_404(app, demo, as_user, signed_in):
    http = as_user("anna.nowak@example.org").http if signed_in else app.test_client()
    for path in ("/" + "a" * 5000, "/" + "b" * 300, "/assets/" + "c/" * 2500, "/api/" + "x" * 5000):
        answer = http.get(path)
        assert answer.status_code == 404, path[:20]
        assert answer.get_json()["error"]["code"] == "not_found"


def test_nul_in_a_path_id_is_a_404(app, demo, as_user):
    """Ids in paths reach the database only as whole UUIDs or SHA-256s (PostgreSQL refuses NUL in text)."""
    anna = as_user("anna.nowak@example.org")
    thread = a_thread_in(MATH)
    for path in (f"/api/threads/{thread}%00/posts", "/api/threads/%00/posts", "/api/attachments/%00",
                 f"/api/attachments/{uuid.uuid4()}%00", "/api/attachments/%00/thumbnail",
                 f"/api/networks/{network_id(MATH)}%00/export", "/api/networks/%00/export"):
        answer = anna.http.get(path)
        assert answer.status_code == 404, path
        assert answer.get_json()["error"]["code"] == "not_found", path
    assert anna.http.head("/api/files/%00").status_code == 404
    # A NUL names nothing whichever the route (server/web.py), an upload's or a link's too.
    put = anna.http.put("/api/files/%00", data=b"x", headers={"X-CSRF-Token": anna.csrf})
    assert put.status_code == 404 and put.get_json()["error"]["code"] == "not_found"
    for path in ("/api/auth/invite/%00", "/api/auth/confirm-request/%00"):
        answer = app.test_client().get(path)
        assert answer.status_code == 404 and answer.get_json()["error"]["code"] == "not_found", path


def test_a_line_break_in_a_requests_name_reaches_both_inboxes(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    req = new_request("Sieć\r\nBcc: ktos@example.org\npolonistów")
    assert first_outcome(anna.push(("network_request.create", req))) == "applied"
    letters = db.session.scalars(select(OutgoingMail).order_by(OutgoingMail.created_at)).all()
    assert len(letters) == 2 and all(m.sent_at is not None and m.last_error is None for m in letters), \
        [m.last_error for m in letters]
    sent = {m["To"]: m for m in mails(app)}
    assert set(sent) == {"anna.nowak@example.org", "koordynator@example.org"}
    subject = sent["koordynator@example.org"]["Subject"]
    assert subject == "Nowy wniosek o sieć: Sieć Bcc: ktos@example.org polonistów"
    assert all(m["Bcc"] is None for m in sent.values())


def test_requests_for_a_network_are_limited_per_person_per_day(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    pushed = anna.push(*[("network_request.create", new_request(f"Sieć numer {i}")) for i in range(20)])
    results = pushed.get_json()["results"]
    allowed = requests.NETWORK_REQUESTS_PER_DAY
    assert [r["status"] for r in results[:allowed]] == ["applied"] * allowed
    refused = results[allowed:]
    assert {r["error"]["code"] for r in refused} == {"too_many"}
    assert refused[0]["error"]["message"] == (
        f"Możesz złożyć najwyżej {allowed} wnioski o sieć na dobę. Kolejny złożysz jutro.")
    letters = db.session.scalar(select(func.count(OutgoingMail.id)))
    assert letters == 2 * allowed  # her receipt and the staff's letter for each request taken
    # Someone else is not held back by her requests.
    jan = as_user("jan.kowalski@example.org")
    assert first_outcome(jan.push(("network_request.create", new_request("Sieć Jana")))) == "applied"


def test_links_printed_at_the_console_are_not_letters(app, demo):
    """The cap on sign-in letters keeps her inbox from flooding: links the staff print do not count."""
    for _ in range(6):
        assert "/auth/link/" in krag_cli(app, "login-link", "anna.nowak@example.org").output
    assert app.test_client().post("/api/auth/email-link", json={"email": "anna.nowak@example.org"}).status_code == 202
    assert [m["To"] for m in mails(app)] == ["anna.nowak@example.org"]


def test_api_answers_are_not_kept_by_browsers_or_proxies(app, demo, as_user):
    """Answers carry her data and the CSRF token; on a shared school computer no copy may stay
    in the browser's cache or a proxy's. The app keeps its data in IndexedDB, not the HTTP cache."""
    anna = as_user("anna.nowak@example.org")
    answers = {
        "me": anna.http.get("/api/me"),
        "pull": anna.pull(),
        "export": anna.http.get(f"/api/networks/{network_id(MATH)}/export"),
        "search": anna.http.get("/api/search", query_string={"q": "ułamki"}),
        "older posts": anna.http.get(f"/api/threads/{a_thread_in(MATH)}/posts"),
        "push": anna.push(("post.create", {"id": str(uuid.uuid4()), "thread_id": a_thread_in(MATH), "body": "x"})),
        "sign-in": app.test_client().post("/api/auth/email-link", json={"email": "nikt@example.org"}),
        "signed out": app.test_client().get("/api/me"),
    }
    for name, answer in answers.items():
        assert answer.status_code < 500, name
        assert answer.headers["Cache-Control"] == "no-store", name
    # The PWA's own files keep their caching.
    assert app.test_client().get("/").headers["Cache-Control"] == "no-cache"
