"""Asking to join a closed network: someone outside it sees who leads it; her request reaches
those who decide with her school (from her profile) and her message — and no other member."""
from __future__ import annotations

from tests.integration.forum_helpers import GIFTED, first_outcome, network_id


def requests_in(client, network: str) -> dict:
    return {r["user_id"]: r for r in client.rows("join_request").values() if r["network_id"] == network}


def test_a_request_to_join_carries_her_school_and_message(app, demo, as_user, inbox):
    anna, coordinator = as_user("anna.nowak@example.org"), as_user("koordynator@example.org")
    gifted = network_id(GIFTED)
    catalogue = anna.rows("network")[gifted]
    assert catalogue["coordinator_names"] and catalogue["description"]  # what she reads before asking

    too_long = ("membership.join", {"network_id": gifted, "message": "x" * 1001})
    assert first_outcome(anna.push(too_long)) == "invalid"
    words = "  Uczę w klasach 4–6, prowadzę koło matematyczne dla zdolnych.  "
    assert first_outcome(anna.push(("membership.join", {"network_id": gifted, "message": words}))) == "applied"

    request = requests_in(coordinator, gifted)[anna.id]
    assert request["status"] == "pending" and request["message"] == words.strip()
    school = coordinator.rows("school")[request["school_id"]]
    assert school["id"] == anna.rows("user")[anna.id]["school_id"]
    assert requests_in(as_user("ewa.wisniewska@example.org"), gifted) == {}  # a member sees no one's words
    assert requests_in(anna, gifted) == {}

    letter = inbox.to("koordynator@example.org")[0]
    text = letter.get_body(preferencelist=("plain",)).get_content()
    assert f"({school['name']}, {school['town']})" in text and words.strip() in text
    assert f"/#/n/{gifted}/manage" in text
    assert text.splitlines()[0] == "Dzień dobry,"  # every letter greets neutrally, not by a name in the nominative

    assert first_outcome(coordinator.push(("membership.approve", {"network_id": gifted, "user_id": anna.id}))) == "applied"
    assert requests_in(coordinator, gifted)[anna.id]["status"] == "active"


def test_joining_without_a_message_still_works(app, demo, as_user, inbox):
    jan = as_user("jan.kowalski@example.org")
    gifted = network_id(GIFTED)
    assert first_outcome(jan.push(("membership.join", {"network_id": gifted}))) == "applied"
    assert requests_in(as_user("koordynator@example.org"), gifted)[jan.id]["message"] == ""
    assert "Wiadomość:" not in inbox.to("koordynator@example.org")[0].get_body(preferencelist=("plain",)).get_content()


def test_the_catalogue_follows_a_coordinator_who_renames_herself(app, demo, as_user):
    coordinator, anna = as_user("koordynator@example.org"), as_user("anna.nowak@example.org")
    gifted = network_id(GIFTED)
    assert first_outcome(coordinator.push(("profile.update", {"name": "Małgorzata Lis-Nowicka"}))) == "applied"
    assert "Małgorzata Lis-Nowicka" in anna.rows("network")[gifted]["coordinator_names"]
