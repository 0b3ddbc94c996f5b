"""Invitations still waiting reach the devices of those who manage the network (never the
token), and a second letter to the same address goes only when the coordinator says so."""
from __future__ import annotations

from server.extensions import db
from tests.integration import world as worlds
from tests.integration.forum_helpers import first_outcome
from tests.integration.test_links import USED, invitation_path, token_of

TOKEN_FIELDS = {"token", "token_hash"}


def invitations(client, network: str) -> dict:
    return {i["email"]: i for i in client.rows("invitation").values() if i["network_id"] == network}


def test_waiting_invitations_reach_coordinators_and_admins_only(app, as_user, inbox):
    w = worlds.build(db.session)
    coordinator, admin = as_user(w.emails["coordinator"]), as_user(w.emails["admin"])
    invite = ("membership.invite", {"network_id": w.network_id, "email": "nowa@szkola.example"})
    assert first_outcome(coordinator.push(invite)) == "applied"

    (waiting,) = invitations(coordinator, w.network_id).values()
    assert waiting["email"] == "nowa@szkola.example" and waiting["accepted_at"] is None
    assert waiting["role"] == "member" and waiting["invited_by"] == w.users["coordinator"]
    assert not TOKEN_FIELDS & set(waiting)
    assert invitations(admin, w.network_id).keys() == {"nowa@szkola.example"}
    for role in ("member", "expert", "staff", "outsider"):  # the staff member is no administrator
        assert invitations(as_user(w.emails[role]), w.network_id) == {}, role

    # Accepted: the coordinator's device sees it is no longer waiting.
    browser = app.test_client()
    token = token_of(invitation_path(inbox, "nowa@szkola.example"))
    assert browser.post("/api/auth/invite", json={"token": token, "name": "Nowa Nauczycielka"}).status_code == 200
    assert invitations(coordinator, w.network_id)["nowa@szkola.example"]["accepted_at"] is not None


def test_a_second_letter_only_when_she_means_it(app, as_user, inbox):
    w = worlds.build(db.session)
    coordinator = as_user(w.emails["coordinator"])
    invite = {"network_id": w.network_id, "email": "nowa@szkola.example"}
    assert first_outcome(coordinator.push(("membership.invite", invite))) == "applied"
    first_token = token_of(invitation_path(inbox, "nowa@szkola.example"))

    twice = coordinator.push(("membership.invite", invite | {"email": " Nowa@Szkola.example "}))
    (result,) = twice.get_json()["results"]
    assert result["status"] == "rejected" and result["error"]["code"] == "conflict"
    assert result["error"]["fields"] == {"email": ["Zaproszenie już wysłano."]}
    assert len(invitations(coordinator, w.network_id)) == 1

    again = ("membership.invite", invite | {"resend": True, "role": "expert", "until": "2099-06-30"})
    assert first_outcome(coordinator.push(again)) == "applied"
    letters = inbox.to("nowa@szkola.example", 2)
    assert len(letters) == 2
    rows = [i for i in coordinator.rows("invitation").values() if i["network_id"] == w.network_id]
    (earlier,), (latest,) = ([i for i in rows if i["role"] == role] for role in ("member", "expert"))
    assert earlier["expires_at"] <= latest["created_at"] < latest["expires_at"]  # replaced as the new letter went
    # The earlier link stops working; the new letter's works.
    assert app.test_client().post("/api/auth/invite", json={"token": first_token, "name": "Nowa Osoba"}).get_json() == USED
    new_text = letters[1].get_body(preferencelist=("plain",)).get_content()
    assert "zastępuje wcześniejsze" in new_text
    assert "zastępuje" not in letters[0].get_body(preferencelist=("plain",)).get_content()
    new_token = new_text.split("/auth/invite/")[1].split()[0]
    assert app.test_client().post("/api/auth/invite", json={"token": new_token, "name": "Nowa Osoba"}).status_code == 200
