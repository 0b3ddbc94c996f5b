"""Invitations and confirmed requests: an e-mailed link opens a screen and changes nothing
(a mail scanner sends HEAD and GET first); the screen's button posts, and the server runs a
registered mutation (`invitation.accept`, `network_request.confirm`) that reaches every
device through the change log. Sign-in links: test_auth.py."""
from __future__ import annotations

import re
from datetime import timedelta

from server.db import utcnow
from server.extensions import db
from tests.integration.forum_helpers import GIFTED, MATH, a_thread_in, first_outcome, network_id, reply
from tests.integration.server_writes import last_day_passes
from tests.integration.test_networks_flow import new_request

USED = {"error": {"code": "link_invalid",
                  "message": "To zaproszenie wygasło albo zostało już użyte. Poproś koordynatora sieci o nowe."}}


def invitation_path(inbox, address: str) -> str:
    text = inbox.to(address)[0].get_body(preferencelist=("plain",)).get_content()
    return re.search(r"http://127\.0\.0\.1:5000(/auth/invite/\S+)", text).group(1)


def token_of(path: str) -> str:
    return path.rsplit("/", 1)[1]


def scanned(app, path: str) -> None:
    """What a mail scanner does with every link of a letter: nothing may come of it."""
    scanner = app.test_client()
    for _ in range(3):
        for response in (scanner.head(path), scanner.get(path)):
            assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
            assert "Set-Cookie" not in response.headers
    assert scanner.get("/api/me").status_code == 401


def memberships_of(client, network: str) -> dict:
    return {m["user_id"]: m for m in client.rows("membership").values() if m["network_id"] == network}


def test_inviting_someone_with_an_account(app, demo, as_user, inbox):
    staff = as_user("koordynator@example.org")
    gifted = network_id(GIFTED)
    _, staff_cursor = staff.pull_all()
    assert first_outcome(staff.push(("membership.invite", {"network_id": gifted, "email": "Jan.Kowalski@example.org"}))) == "applied"
    path = invitation_path(inbox, "jan.kowalski@example.org")
    scanned(app, path)
    info = app.test_client().get(f"/api/auth/invite/{token_of(path)}").get_json()
    assert info == {"network": {"id": gifted, "name": GIFTED}, "email": "jan.kowalski@example.org",
                    "role": "member", "has_account": True}

    browser = app.test_client()
    accepted = browser.post("/api/auth/invite", json={"token": token_of(path)})  # no name: she has an account
    assert accepted.status_code == 200 and accepted.get_json() == {"network_id": gifted}
    me = browser.get("/api/me").get_json()
    assert me["user"]["email"] == "jan.kowalski@example.org"
    # The new membership travelled through the change log: the coordinator's device pulls it.
    changes, _ = staff.pull_all(staff_cursor)
    assert any(c.get("type") == "membership" and c["data"]["user_id"] == me["user"]["id"]
               and c["data"]["status"] == "active" for c in changes)

    again = app.test_client().post("/api/auth/invite", json={"token": token_of(path)})
    assert again.status_code == 410 and again.get_json() == USED
    assert app.test_client().get(f"/api/auth/invite/{token_of(path)}").get_json() == USED


def test_inviting_an_expert_with_no_account(app, demo, as_user, inbox):
    staff = as_user("koordynator@example.org")
    math = network_id(MATH)
    until = (utcnow() + timedelta(days=10)).date().isoformat()
    staff.push(("membership.invite", {"network_id": math, "email": "dr.ekspert@uczelnia.example", "role": "expert",
                                      "until": until}))
    assert f"zaprasza Cię do sieci „{MATH}” jako eksperta" in inbox.to("dr.ekspert@uczelnia.example")[0].get_body(
        preferencelist=("plain",)).get_content()
    path = invitation_path(inbox, "dr.ekspert@uczelnia.example")
    scanned(app, path)
    token = token_of(path)
    assert app.test_client().get(f"/api/auth/invite/{token}").get_json()["has_account"] is False
    browser = app.test_client()
    blank = browser.post("/api/auth/invite", json={"token": token, "name": "  "})
    assert blank.status_code == 400 and "name" in blank.get_json()["error"]["fields"]
    missing = browser.post("/api/auth/invite", json={"token": token})  # no account, so a name is needed
    assert missing.status_code == 400 and missing.get_json()["error"]["fields"] == {"name": ["Podaj imię i nazwisko."]}
    accepted = browser.post("/api/auth/invite", json={"token": token, "name": "dr Ewa Ekspert"})
    assert accepted.get_json() == {"network_id": math}
    me = browser.get("/api/me").get_json()
    assert me["user"]["name"] == "dr Ewa Ekspert"
    expert = as_user("dr.ekspert@uczelnia.example")
    membership = memberships_of(expert, math)[expert.id]
    assert (membership["role"], membership["expires_at"][:10]) == ("expert", until)
    assert memberships_of(staff, math)[expert.id]["role"] == "expert"  # the coordinator's device has her
    assert staff.rows("user")[expert.id]["name"] == "dr Ewa Ekspert"
    assert first_outcome(expert.push(reply(a_thread_in(MATH), "Dzień dobry, tu ekspertka."))) == "applied"
    _, cursor = expert.pull_all()

    # Her last day passes: the network leaves her device, her writes are refused.
    last_day_passes(expert.id)
    assert {"op": "purge", "scope": f"network:{math}"} in expert.pull_all(cursor)[0]
    assert first_outcome(expert.push(reply(a_thread_in(MATH)))) == "forbidden"


def test_a_signed_in_device_may_push_the_acceptance(app, demo, as_user, inbox):
    staff = as_user("koordynator@example.org")
    gifted = network_id(GIFTED)
    staff.push(("membership.invite", {"network_id": gifted, "email": "anna.nowak@example.org"}))
    token = token_of(invitation_path(inbox, "anna.nowak@example.org"))
    jan, anna = as_user("jan.kowalski@example.org"), as_user("anna.nowak@example.org")
    assert first_outcome(jan.push(("invitation.accept", {"token": token}))) == "forbidden"  # not his
    assert first_outcome(anna.push(("invitation.accept", {"token": "krótki"}))) == "invalid"
    assert first_outcome(anna.push(("invitation.accept", {"token": token}))) == "applied"
    assert memberships_of(anna, gifted)[anna.id]["status"] == "active"
    assert first_outcome(anna.push(("invitation.accept", {"token": token}))) == "link_invalid"


def test_an_invitation_to_an_archived_network_is_refused_clearly(app, demo, as_user, inbox):
    staff = as_user("koordynator@example.org")
    staff.push(("membership.invite", {"network_id": network_id(GIFTED), "email": "nowa@szkola.example"}))
    token = token_of(invitation_path(inbox, "nowa@szkola.example"))
    staff.push(("network.archive", {"network_id": network_id(GIFTED)}))
    refused = app.test_client().post("/api/auth/invite", json={"token": token, "name": "Nowa Osoba"})
    assert refused.status_code == 409 and refused.get_json()["error"]["code"] == "archived"
    assert app.test_client().post("/api/auth/invite", json={"token": "x" * 43}).get_json()["error"]["code"] == "link_invalid"
    from server.accounts.services import find_user_by_email

    assert find_user_by_email(db.session, "nowa@szkola.example") is None  # refused: no account was left behind


def public_request(app, inbox, email: str) -> str:
    body = {"email": email, "name": "Zofia Dyrektor", "function": "director",
            "request": {k: v for k, v in new_request("Sieć dyrektorów szkół wiejskich").items() if k != "id"}}
    visitor = app.test_client()
    bad = visitor.post("/api/public/network-requests", json=body | {"request": {"name": "x"}})
    assert bad.status_code == 400 and "request" in bad.get_json()["error"]["fields"]
    assert visitor.post("/api/public/network-requests", json=body).status_code == 202
    letter = inbox.to(email.lower())[0]
    return re.search(r"(/auth/confirm-request/\S+)", letter.get_body(preferencelist=("plain",)).get_content()).group(1)


def test_a_public_request_confirms_the_email_first(app, demo, as_user, inbox):
    path = public_request(app, inbox, "Dyrektor@SzkolaWola.example")
    scanned(app, path)
    staff = as_user("koordynator@example.org")
    assert staff.rows("network_request") == {}  # nothing filed by opening the link
    info = app.test_client().get(f"/api/auth/confirm-request/{token_of(path)}").get_json()
    assert info == {"email": "dyrektor@szkolawola.example", "request": {"name": "Sieć dyrektorów szkół wiejskich"}}

    visitor = app.test_client()
    confirmed = visitor.post("/api/auth/confirm-request", json={"token": token_of(path)})
    assert confirmed.status_code == 200 and confirmed.get_json() == {"status": "filed"}
    me = visitor.get("/api/me").get_json()["user"]
    assert me["name"] == "Zofia Dyrektor"
    requests = as_user("dyrektor@szkolawola.example").rows("network_request")
    assert [r["name"] for r in requests.values()] == ["Sieć dyrektorów szkół wiejskich"]
    assert [r["requester_name"] for r in staff.rows("network_request").values()] == ["Zofia Dyrektor"]
    again = app.test_client().post("/api/auth/confirm-request", json={"token": token_of(path)})
    assert again.status_code == 410 and again.get_json()["error"] == {
        "code": "link_invalid", "message": "Ten link wygasł albo został już użyty. Złóż wniosek jeszcze raz."}
    assert app.test_client().post("/api/auth/confirm-request", json={"token": "../x"}).status_code == 400

    body = {"email": "dyrektor@szkolawola.example", "name": "Zofia Dyrektor", "function": "director",
            "request": {k: v for k, v in new_request().items() if k != "id"}}
    answers = [visitor.post("/api/public/network-requests", json=body) for _ in range(4)]
    assert [a.status_code for a in answers] == [202, 202, 429, 429]  # the form cannot flood someone's inbox
    letters = inbox.to("dyrektor@szkolawola.example", 4)  # 3 confirmations and the request's receipt
    assert sum(m["Subject"].startswith("Potwierdź adres") for m in letters) == 3


def test_a_confirmation_is_hers_alone(app, demo, as_user, inbox):
    path = public_request(app, inbox, "nowa.dyrektorka@example.org")
    jan = as_user("jan.kowalski@example.org")
    assert first_outcome(jan.push(("network_request.confirm", {"token": token_of(path)}))) == "forbidden"
    assert app.test_client().post("/api/auth/confirm-request", json={"token": token_of(path)}).status_code == 200
