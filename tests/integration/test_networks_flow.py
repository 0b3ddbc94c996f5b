"""A network's life through the API: request, decision, joining, leaving, year end
(invitations and the other e-mailed links: test_links.py)."""
from __future__ import annotations

import uuid

from server.extensions import db, socketio
from tests.integration import world as worlds
from tests.integration.forum_helpers import GIFTED, MATH, a_thread_in, first_outcome, network_id, reply
from tests.integration.test_live_channel import pokes_until


def new_request(name="Sieć polonistów") -> dict:
    return {"id": str(uuid.uuid4()), "name": name, "kind": "subject", "topic": "język polski",
            "justification": "Chcemy razem przygotowywać uczniów do egzaminu.", "recruitment": "closed",
            "expected_members": 12}


def test_a_request_is_approved_into_a_network(app, demo, as_user, inbox):
    anna, staff = as_user("anna.nowak@example.org"), as_user("koordynator@example.org")
    req = new_request()
    assert first_outcome(anna.push(("network_request.create", req))) == "applied"
    assert anna.rows("network_request")[req["id"]]["status"] == "pending"
    assert req["id"] in staff.rows("network_request")
    assert req["id"] not in as_user("jan.kowalski@example.org").rows("network_request")
    (received,) = inbox.to("anna.nowak@example.org")
    assert "Otrzymaliśmy wniosek" in received["Subject"]
    for_staff = inbox.to("koordynator@example.org")[0]
    assert for_staff["Subject"] == "Nowy wniosek o sieć: Sieć polonistów"
    staff_text = for_staff.get_body(preferencelist=("plain",)).get_content()
    assert "/#/staff/queue" in staff_text and "/#/requests" not in staff_text  # the queue, not her own requests

    network = str(uuid.uuid4())
    approve = ("network_request.approve", {"id": req["id"], "coordinator_id": staff.id, "network_id": network})
    assert first_outcome(staff.push(approve)) == "applied"
    assert first_outcome(staff.push(approve)) == "conflict"  # decided once
    decided = anna.rows("network_request")[req["id"]]
    assert (decided["status"], decided["network_id"]) == ("approved", network)
    net = anna.rows("network")[network]
    assert (net["name"], net["recruitment"], net["coordinator_ids"], net["member_count"]) == (
        "Sieć polonistów", "closed", [staff.id], 2)
    mine = [m for m in anna.rows("membership").values() if m["network_id"] == network and m["user_id"] == anna.id]
    assert mine[0]["status"] == "active" and mine[0]["role"] == "member"
    approved = inbox.to("anna.nowak@example.org", 2)[1]
    assert approved["Subject"] == "Sieć „Sieć polonistów” została utworzona"
    assert f"/#/n/{network}" in approved.get_body(preferencelist=("plain",)).get_content()


def test_a_request_is_refused_with_a_reason(app, demo, as_user, inbox):
    jan, staff = as_user("jan.kowalski@example.org"), as_user("koordynator@example.org")
    req = new_request("Sieć fizyków")
    jan.push(("network_request.create", req))
    assert first_outcome(staff.push(("network_request.reject", {"id": req["id"], "reason": "Działa już sieć przyrodników."}))) == "applied"
    assert jan.rows("network_request")[req["id"]]["reason"] == "Działa już sieć przyrodników."
    refused = inbox.to("jan.kowalski@example.org", 2)[1]
    assert "nie został przyjęty" in refused["Subject"]
    assert "Działa już sieć przyrodników." in refused.get_body(preferencelist=("plain",)).get_content()


def test_joining_open_and_closed_networks(app, demo, as_user, inbox):
    anna, staff = as_user("anna.nowak@example.org"), as_user("koordynator@example.org")
    gifted = network_id(GIFTED)
    assert first_outcome(anna.push(("membership.join", {"network_id": gifted}))) == "applied"
    status = lambda: next(m["status"] for m in anna.rows("membership").values()  # noqa: E731
                          if m["network_id"] == gifted and m["user_id"] == anna.id)
    assert status() == "pending"
    assert anna.rows("thread") and all(t["network_id"] != gifted for t in anna.rows("thread").values())
    assert "prosi o dołączenie" in inbox.to("koordynator@example.org")[0]["Subject"]

    assert first_outcome(staff.push(("membership.approve", {"network_id": gifted, "user_id": anna.id}))) == "applied"
    assert status() == "active"
    assert any(t["network_id"] == gifted for t in anna.rows("thread").values())
    assert inbox.to("anna.nowak@example.org")[0]["Subject"] == f"Witamy w sieci „{GIFTED}”"


def test_declined_and_full(app, demo, as_user, inbox):
    anna, jan, staff = (as_user(f"{n}@example.org") for n in ("anna.nowak", "jan.kowalski", "koordynator"))
    gifted = network_id(GIFTED)
    anna.push(("membership.join", {"network_id": gifted}))
    assert first_outcome(staff.push(("membership.decline", {"network_id": gifted, "user_id": anna.id}))) == "applied"
    assert "Prośba o dołączenie" in inbox.to("anna.nowak@example.org")[0]["Subject"]

    assert first_outcome(staff.push(("network.update", {"id": gifted, "capacity": 4}))) == "applied"  # 4 already in
    jan.push(("membership.join", {"network_id": gifted}))
    assert first_outcome(staff.push(("membership.approve", {"network_id": gifted, "user_id": jan.id}))) == "full"
    math = network_id(MATH)
    staff.push(("network.update", {"id": math, "capacity": 4}))
    assert first_outcome(as_user("piotr.zielinski@example.org").push(("membership.join", {"network_id": math}))) == "full"


def test_leaving_purges_the_device_and_stops_pokes_at_once(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    _, cursor = anna.pull_all()
    socket = socketio.test_client(app, flask_test_client=anna.http)
    socket.get_received()
    assert first_outcome(anna.push(("membership.leave", {"network_id": network_id(MATH)}))) == "applied"
    socket.get_received()
    jan.push(reply(a_thread_in(MATH), "Już tego nie zobaczysz"))
    assert [e for e in socket.get_received() if e["args"][0]["scope"] == f"network:{network_id(MATH)}"] == []
    changes, _ = anna.pull_all(cursor)
    assert {"op": "purge", "scope": f"network:{network_id(MATH)}"} in changes
    assert not any(c.get("type") == "post" for c in changes)

    # Joining again brings the pokes back, without reconnecting.
    anna.push(("membership.join", {"network_id": network_id(MATH)}))
    socket.get_received()
    jan.push(reply(a_thread_in(MATH), "Witaj z powrotem"))
    assert {"scope": f"network:{network_id(MATH)}"} in pokes_until(socket, f"network:{network_id(MATH)}")
    socket.disconnect()


def test_a_removed_member_is_purged(app, demo, as_user):
    ewa, staff = as_user("ewa.wisniewska@example.org"), as_user("koordynator@example.org")
    _, cursor = ewa.pull_all()
    assert first_outcome(staff.push(("membership.remove", {"network_id": network_id(MATH), "user_id": ewa.id}))) == "applied"
    assert {"op": "purge", "scope": f"network:{network_id(MATH)}"} in ewa.pull_all(cursor)[0]
    assert first_outcome(ewa.push(("membership.join", {"network_id": network_id(MATH)}))) == "forbidden"


def test_handover_archive_and_continuation(app, demo, as_user):
    w = worlds.build(db.session, recruitment="closed")
    coordinator, staff, member = (as_user(w.emails[r]) for r in ("coordinator", "staff", "member"))
    outsider = as_user(w.emails["outsider"])
    assert first_outcome(coordinator.push(("network.set_coordinator", {"network_id": w.network_id,
                                                                "user_id": staff.id}))) == "applied"
    roles = {m["user_id"]: m["role"] for m in member.rows("membership").values() if m["network_id"] == w.network_id}
    assert roles[staff.id] == "coordinator" and roles[coordinator.id] == "member"
    assert first_outcome(coordinator.push(("network.archive", {"network_id": w.network_id}))) == "forbidden"

    assert first_outcome(staff.push(("network.archive", {"network_id": w.network_id}))) == "applied"
    assert member.rows("network")[w.network_id]["status"] == "archived"
    assert first_outcome(member.push(reply(w.thread_id))) == "archived"
    assert w.thread_id in member.rows("thread")  # still readable
    export = member.http.get(f"/api/networks/{w.network_id}/export")
    assert export.status_code == 200 and "attachment" in export.headers["Content-Disposition"]
    assert export.get_json()["threads"][0]["posts"][0]["body"] == "Start"

    next_year = str(uuid.uuid4())
    assert first_outcome(staff.push(("network.continue", {"network_id": w.network_id, "id": next_year}))) == "applied"
    new = member.rows("network")[next_year]
    assert (new["previous_id"], new["school_year"], new["coordinator_ids"]) == (w.network_id, "2027/2028", [staff.id])
    assert first_outcome(member.push(("membership.join", {"network_id": next_year}))) == "applied"  # carried over
    assert first_outcome(outsider.push(("membership.join", {"network_id": next_year}))) == "applied"
    statuses = {m["user_id"]: m["status"] for m in staff.rows("membership").values() if m["network_id"] == next_year}
    assert statuses[member.id] == "active" and statuses[outsider.id] == "pending"


def test_the_staff_dashboard(app, demo, as_user):
    anna, staff = as_user("anna.nowak@example.org"), as_user("koordynator@example.org")
    anna.push(("network_request.create", new_request()), ("membership.join", {"network_id": network_id(GIFTED)}))
    board = staff.http.get("/api/staff/dashboard").get_json()
    assert board["requests"] == {"pending": 1, "approved": 0, "rejected": 0}
    by_name = {n["name"]: n for n in board["networks"]}
    assert (by_name[MATH]["members"], by_name[GIFTED]["pending"]) == (4, 1)
    assert by_name[MATH]["schools"] == 3
    assert board["by_kind"] == {"subject": {"active": 1}, "problem": {"active": 1}}
    assert {s["town"] for s in board["schools"]} == {"Brzozów", "Stara Wieś", "Humniska", "Jasienica Rosielna"}
    assert anna.http.get("/api/staff/dashboard").status_code == 403


def test_a_new_name_reaches_fellow_members(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    assert first_outcome(anna.push(("profile.update", {"name": "Anna Nowak-Wójcik", "subjects": ["matematyka", "informatyka"]}))) == "applied"
    assert jan.rows("user")[anna.id]["name"] == "Anna Nowak-Wójcik"
    assert first_outcome(anna.push(("profile.update", {"school_id": str(uuid.uuid4())}))) == "invalid"


def test_promotion_to_staff_reaches_every_copy_of_her_row(app, demo, as_user):
    anna, admin = as_user("anna.nowak@example.org"), as_user("koordynator@example.org")
    _, cursor = anna.pull_all()
    assert first_outcome(admin.push(("staff.set", {"email": "Anna.Nowak@example.org", "is_staff": True}))) == "applied"
    assert anna.rows("user", cursor)[anna.id]["is_staff"] is True  # the last copy a device reads is fresh too
    assert anna.id in admin.rows("user")
    assert first_outcome(admin.push(("staff.set", {"user_id": anna.id, "is_staff": False}))) == "applied"
    assert anna.rows("user", cursor)[anna.id]["is_staff"] is False
    assert first_outcome(admin.push(("staff.set", {"email": "nikt@example.org", "is_staff": True}))) == "not_found"
    assert first_outcome(admin.push(("staff.set", {"is_staff": True}))) == "invalid"


def test_the_queue_names_who_asks(app, demo, as_user):
    anna, admin = as_user("anna.nowak@example.org"), as_user("koordynator@example.org")
    req = new_request()
    anna.push(("network_request.create", req))
    assert admin.rows("network_request")[req["id"]]["requester_name"] == "Anna Nowak"


def test_an_archived_network_keeps_its_members(app, demo, as_user):
    staff, jan = as_user("koordynator@example.org"), as_user("jan.kowalski@example.org")
    staff.push(("network.archive", {"network_id": network_id(MATH)}))
    assert first_outcome(staff.push(("membership.remove", {"network_id": network_id(MATH), "user_id": jan.id}))) == "archived"


def _staff_copy(client, user_id: str) -> dict:
    """The last state of her row in the staff scope, as a staff member's device pulls it."""
    changes, _ = client.pull_all()
    copies = [c for c in changes if c.get("type") == "user" and c["id"] == user_id and c["scope"] == "staff"]
    assert copies, "her row was never in the staff scope"
    return copies[-1]["data"]


def test_a_former_employees_staff_copy_follows_her_profile(app, demo, as_user):
    anna, admin = as_user("anna.nowak@example.org"), as_user("koordynator@example.org")
    assert first_outcome(admin.push(("staff.set", {"user_id": anna.id, "is_staff": True}))) == "applied"
    assert first_outcome(admin.push(("staff.set", {"user_id": anna.id, "is_staff": False}))) == "applied"
    assert _staff_copy(admin, anna.id)["is_staff"] is False

    assert first_outcome(anna.push(("profile.update", {"name": "Anna Nowak-Wójcik"}))) == "applied"
    assert _staff_copy(admin, anna.id)["name"] == "Anna Nowak-Wójcik"
    assert admin.rows("user")[anna.id]["name"] == "Anna Nowak-Wójcik"  # the copy read last is fresh too
