"""Recovery when her phone (and its passkey) is lost: the e-mailed link stays, and Poradnia staff
send her a one-time sign-in link (`signin_link.issue`), to her own address, logged."""
from __future__ import annotations

import logging

from tests.integration.test_auth import link_in, mails, token_of

ANNA, STAFF = "anna.nowak@example.org", "koordynator@example.org"


def test_staff_send_her_a_link_that_works_once(app, demo, as_user, caplog):
    anna, staff = as_user(ANNA), as_user(STAFF)
    with caplog.at_level(logging.INFO, logger="krag.security"):
        result = staff.push(("signin_link.issue", {"user_id": anna.id})).get_json()["results"][0]
    assert result["status"] == "applied", result
    assert any(f"for user {anna.id}" in r.getMessage() and staff.id in r.getMessage() for r in caplog.records)
    (letter,) = [m for m in mails(app) if m["To"] == ANNA]
    assert letter["Subject"] == "Link do logowania w Kręgu od poradni"
    body = letter.get_body(preferencelist=("plain",)).get_content()
    assert "Działa jeden raz przez 24 godziny" in body and "Małgorzata Lis z poradni" in body
    token = token_of(link_in(letter))
    browser = app.test_client()
    assert browser.post("/api/auth/link", json={"token": token}).get_json()["user"]["id"] == anna.id
    assert app.test_client().post("/api/auth/link", json={"token": token}).status_code == 410


def test_only_staff_issue_links(app, demo, as_user):
    anna, jan = as_user(ANNA), as_user("jan.kowalski@example.org")
    result = jan.push(("signin_link.issue", {"user_id": anna.id})).get_json()["results"][0]
    assert result["error"]["code"] == "forbidden"
    assert [m for m in mails(app) if m["To"] == ANNA] == []


def test_nobody_by_that_id(app, demo, as_user):
    staff = as_user(STAFF)
    result = staff.push(("signin_link.issue", {"user_id": "01890000-0000-7000-8000-000000000000"})).get_json()
    assert result["results"][0]["error"]["code"] == "not_found"
