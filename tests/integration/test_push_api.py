"""POST /api/sync/push through Flask: the contract of docs/sync-protocol.md."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from server.extensions import db
from server.forum.models import Post, PostRevision
from tests.integration.forum_helpers import GIFTED, MATH, a_thread_in, network_id, new_thread, reply


def statuses(response) -> list[str]:
    return [r["status"] for r in response.get_json()["results"]]


def test_a_member_starts_a_thread_and_others_reply(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    name, args = new_thread(network_id(MATH), "  Gry planszowe na matematyce  ", "Znacie dobre gry?")
    assert statuses(anna.push((name, args))) == ["applied"]
    assert statuses(jan.push(reply(args["id"], "Polecam „Rummikub”."))) == ["applied"]

    threads = jan.rows("thread")
    assert threads[args["id"]]["title"] == "Gry planszowe na matematyce"
    assert threads[args["id"]]["post_count"] == 2
    posts = [p for p in jan.rows("post").values() if p["thread_id"] == args["id"]]
    assert sorted(p["body"] for p in posts) == ["Polecam „Rummikub”.", "Znacie dobre gry?"]
    first = next(p for p in posts if p["id"] == args["post_id"])
    assert first["author_id"] == anna.id and first["edited_at"] is None


def test_the_first_post_id_is_derived_when_left_out(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    name, args = new_thread(network_id(MATH))
    del args["post_id"]
    assert statuses(anna.push((name, args))) == ["applied"]
    derived = str(uuid.uuid5(uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), args["id"]))
    assert db.session.get(Post, derived).thread_id == args["id"]


def test_only_members_write_in_a_network(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")  # not in the closed network
    response = anna.push(new_thread(network_id(GIFTED)), reply(a_thread_in(GIFTED)))
    errors = [r["error"]["code"] for r in response.get_json()["results"]]
    assert errors == ["forbidden", "forbidden"]
    assert response.get_json()["last_mutation_id"] == 2


def test_missing_things_and_bad_input_are_rejected_with_reasons(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    response = anna.push(
        reply(str(uuid.uuid4())),
        ("post.create", {"id": "not-a-uuid", "thread_id": a_thread_in(MATH), "body": "x"}),
        ("post.create", {"id": str(uuid.uuid4()), "thread_id": a_thread_in(MATH), "body": "   "}),
        ("thread.create", {"id": str(uuid.uuid4()), "network_id": network_id(MATH), "title": "t" * 201, "body": "b"}),
        ("post.erase", {}),
    )
    results = response.get_json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 5
    assert results[0]["error"]["code"] == "not_found"
    assert results[1]["error"]["fields"] == {"id": ["To nie jest poprawny identyfikator (UUID)."]}
    assert "body" in results[2]["error"]["fields"]
    assert "title" in results[3]["error"]["fields"]
    assert results[4]["error"]["code"] == "unknown_mutation"


def test_edits_keep_the_overwritten_text(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    name, args = new_thread(network_id(MATH), body="Pierwsza wersja")
    anna.push((name, args))
    post_id = args["post_id"]
    assert statuses(jan.push(("post.update", {"id": post_id, "body": "Cudze"}))) == ["rejected"]
    # Her phone and her tablet both edit: the later one wins, the earlier stays in history.
    tablet = as_user("anna.nowak@example.org")
    anna.push(("post.update", {"id": post_id, "body": "Z telefonu"}))
    tablet.push(("post.update", {"id": post_id, "body": "Z tabletu"}))
    post = jan.rows("post")[post_id]
    assert post["body"] == "Z tabletu" and post["edited_at"] is not None
    history = db.session.scalars(select(PostRevision.body).where(PostRevision.post_id == post_id).order_by(PostRevision.id))
    assert history.all() == ["Pierwsza wersja", "Z telefonu"]


def test_deleting_leaves_a_tombstone_and_tells_devices(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    name, args = new_thread(network_id(MATH))
    anna.push((name, args), reply(args["id"], "Do usunięcia"))
    reply_id = db.session.scalars(select(Post.id).where(Post.body == "Do usunięcia")).one()
    _, cursor = jan.pull_all()
    assert statuses(jan.push(("post.delete", {"id": reply_id}))) == ["rejected"]
    assert statuses(anna.push(("post.delete", {"id": reply_id}))) == ["applied"]
    changes, _ = jan.pull_all(cursor)
    assert {"type": "post", "id": reply_id, "op": "delete", "scope": f"network:{network_id(MATH)}"} in changes
    assert next(c for c in changes if c.get("type") == "thread")["data"]["post_count"] == 1
    db.session.expire_all()
    assert db.session.get(Post, reply_id).deleted_at is not None
    again = anna.push(("post.update", {"id": reply_id, "body": "x"}), ("post.delete", {"id": reply_id}))
    assert [r["error"]["code"] for r in again.get_json()["results"]] == ["not_found", "not_found"]


def test_duplicates_and_gaps(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    one = {"id": 1, "name": "post.create", "args": reply(a_thread_in(MATH))[1]}
    body = {"client_id": anna.client_id, "mutations": [one]}
    assert statuses(anna.post_json("/api/sync/push", body)) == ["applied"]
    assert statuses(anna.post_json("/api/sync/push", body)) == ["duplicate"]
    three = {"id": 3, "name": "post.create", "args": reply(a_thread_in(MATH))[1]}
    gap = anna.post_json("/api/sync/push", {"client_id": anna.client_id, "mutations": [one, three]})
    assert gap.status_code == 409
    body = gap.get_json()
    assert body["error"]["code"] == "mutation_gap"
    assert body["results"] == [{"id": 1, "status": "duplicate"}] and body["last_mutation_id"] == 1


def test_a_client_id_cannot_be_borrowed(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    anna.push(reply(a_thread_in(MATH)))
    jan.client_id = anna.client_id
    response = jan.push(reply(a_thread_in(MATH)))
    assert response.status_code == 403 and response.get_json()["error"]["code"] == "client_not_yours"


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        {},
        {"client_id": "abc", "mutations": []},
        {"client_id": str(uuid.uuid4())},
        {"client_id": str(uuid.uuid4()), "mutations": {}},
        {"client_id": str(uuid.uuid4()), "mutations": [{"id": "1", "name": "post.create", "args": {}}]},
        {"client_id": str(uuid.uuid4()), "mutations": [{"id": 0, "name": "post.create", "args": {}}]},
        {"client_id": str(uuid.uuid4()), "mutations": [{"id": 1, "name": "post.create", "args": []}]},
        {"client_id": str(uuid.uuid4()), "mutations": [{"id": 1, "name": "x", "args": {}, "more": 1}]},
        {"client_id": str(uuid.uuid4()), "mutations": [{"id": i, "name": "x", "args": {}} for i in range(1, 1002)]},
    ],
)
def test_a_malformed_push_is_a_400_and_applies_nothing(app, demo, as_user, body):
    anna = as_user("anna.nowak@example.org")
    if body is None:
        response = anna.http.post("/api/sync/push", data="{not json", headers={"X-CSRF-Token": anna.csrf},
                                  content_type="application/json")
    else:
        response = anna.post_json("/api/sync/push", body)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_request"


def test_pushing_needs_a_session(app, demo):
    response = app.test_client().post("/api/sync/push", json={"client_id": str(uuid.uuid4()), "mutations": []})
    assert response.status_code == 401
