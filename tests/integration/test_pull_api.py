"""GET /api/sync/pull through Flask: visibility, paging, access gained and lost."""
from __future__ import annotations

from tests.integration.forum_helpers import GIFTED, MATH, a_thread_in, first_outcome, network_id, new_thread, reply


def test_everyone_sees_the_catalogue_and_her_memberships_but_only_members_the_forum(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    networks = anna.rows("network")
    assert {n["name"] for n in networks.values()} == {MATH, GIFTED}
    gifted = networks[network_id(GIFTED)]
    assert {k: gifted[k] for k in ("name", "kind", "recruitment", "status", "capacity", "member_count")} == {
        "name": GIFTED, "kind": "problem", "recruitment": "closed", "status": "active", "capacity": 25, "member_count": 4}
    memberships = anna.rows("membership")
    mine = [(m["network_id"], m["role"], m["status"]) for m in memberships.values() if m["user_id"] == anna.id]
    assert mine == [(network_id(MATH), "member", "active")]
    assert {m["network_id"] for m in memberships.values()} == {network_id(MATH)}
    threads = anna.rows("thread")
    assert threads and {t["network_id"] for t in threads.values()} == {network_id(MATH)}
    assert {p["network_id"] for p in anna.rows("post").values()} == {network_id(MATH)}
    names = {u["name"] for u in anna.rows("user").values()}
    assert {"Anna Nowak", "Jan Kowalski", "Małgorzata Lis"} <= names and "Piotr Zieliński" not in names


def test_paging_gives_exactly_one_large_pull(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    anna.push(*[reply(a_thread_in(MATH), f"odpowiedź {i}") for i in range(15)])
    whole, _ = anna.pull_all(limit=5000)
    for limit in (1, 4, 9):
        assert anna.pull_all(limit=limit)[0] == whole


def test_incremental_pull_and_last_mutation_ids(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    _, cursor = jan.pull_all()
    anna.push(reply(a_thread_in(MATH), "Nowa odpowiedź"))
    jan.push(reply(a_thread_in(MATH), "I moja"))
    body = jan.pull(cursor).get_json()
    assert [c["data"].get("body") for c in body["changes"] if c["type"] == "post"] == ["Nowa odpowiedź", "I moja"]
    assert body["last_mutation_ids"] == {jan.client_id: 1}
    assert body["more"] is False


def test_losing_access_purges_and_gaining_it_brings_everything(app, demo, as_user):
    anna, ewa = as_user("anna.nowak@example.org"), as_user("ewa.wisniewska@example.org")
    gifted = network_id(GIFTED)
    _, cursor = ewa.pull_all()
    coordinator = as_user("koordynator@example.org")
    assert first_outcome(coordinator.push(("membership.remove", {"network_id": gifted, "user_id": ewa.id}))) == "applied"
    changes, cursor = ewa.pull_all(cursor)
    assert changes[0] == {"op": "purge", "scope": f"network:{gifted}"}
    assert all(c["scope"] != f"network:{gifted}" for c in changes[1:])  # nothing of it after the purge
    assert ("membership", "removed") in [(c["type"], c["data"].get("status")) for c in changes[1:]]  # her own row
    ewa_other = as_user("piotr.zielinski@example.org")
    ewa_other.push(reply(a_thread_in(GIFTED), "Po jej odejściu"))
    assert ewa.pull_all(cursor)[0] == []

    _, anna_cursor = anna.pull_all()
    anna.push(("membership.join", {"network_id": gifted}))  # a closed network: she asks, the coordinator lets her in
    assert first_outcome(coordinator.push(("membership.approve", {"network_id": gifted, "user_id": anna.id}))) == "applied"
    changes, _ = anna.pull_all(anna_cursor)
    assert any(c.get("type") == "post" and c["data"]["body"] == "Po jej odejściu" for c in changes)
    # Beside the network's whole history: only her own membership and row, and the network's new count.
    assert {c["type"] for c in changes if c.get("scope") != f"network:{gifted}"} <= {"membership", "user", "network"}


def test_bad_cursor_or_limit_is_a_400(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    for query in ({"cursor": "zzz"}, {"limit": 0}, {"limit": 5001}, {"limit": "dużo"}):
        response = anna.http.get("/api/sync/pull", query_string=query)
        assert response.status_code == 400, query
        assert response.get_json()["error"]["code"] == "invalid_request"
