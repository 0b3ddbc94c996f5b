"""A phone that keeps only recent history: older posts stay on the server until she opens them."""
from __future__ import annotations

import uuid
from datetime import timedelta

from server.db import iso, utcnow
from server.extensions import db
from server.forum.models import Post, Thread
from server.forum.posts import count_posts
from server.scopes import network_scope
from server.syncing.engine import engine
from tests.integration.forum_helpers import MATH, a_thread_in, first_outcome, network_id


def old_posts(thread_id: str, authors: dict[str, str], days: int) -> dict[str, str]:
    """Posts written `days` ago (as if the network had been busy for years); id → author."""
    made = {}
    for name, author_id in authors.items():
        with engine.writing(db.session, author_id) as ctx:
            post = Post(id=str(uuid.uuid4()), thread_id=thread_id, network_id=network_id(MATH),
                        body=f"Stary wpis: {name}", author_id=author_id, created_at=utcnow() - timedelta(days=days))
            ctx.put("post", post, [network_scope(network_id(MATH))])
            count_posts(ctx, ctx.get(Thread, thread_id), 1)
        made[post.id] = author_id
    return made


def posts_in(changes: list[dict]) -> set[str]:
    return {c["id"] for c in changes if c.get("type") == "post" and c["op"] == "put"}


def test_a_windowed_device_gets_recent_posts_and_her_own(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    thread_id = a_thread_in(MATH)
    old = old_posts(thread_id, {"jan": jan.id, "anna": anna.id}, days=200)
    jans_old = next(p for p, a in old.items() if a == jan.id)
    annas_old = next(p for p, a in old.items() if a == anna.id)

    everything = posts_in(anna.pull_all()[0])
    assert {jans_old, annas_old} <= everything

    def windowed(limit):
        changes, cursor = [], None
        while True:
            body = anna.http.get("/api/sync/pull", query_string={"window_days": 90, "limit": limit} |
                                 ({"cursor": cursor} if cursor else {})).get_json()
            changes += body["changes"]
            cursor = body["cursor"]
            if not body["more"]:
                return changes, cursor

    changes, cursor = windowed(1000)
    kept = posts_in(changes)
    assert annas_old in kept and jans_old not in kept
    assert everything - kept == {jans_old}
    assert windowed(3)[0] == changes  # paging keeps the same window

    # Later pulls stay windowed, and new posts keep coming.
    fresh = str(uuid.uuid4())
    jan.push(("post.create", {"id": fresh, "thread_id": thread_id, "body": "Nowy wpis"}))
    later = anna.http.get("/api/sync/pull", query_string={"cursor": cursor}).get_json()
    assert posts_in(later["changes"]) == {fresh}


def test_older_pages_come_on_demand(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    thread_id = a_thread_in(MATH)
    old = old_posts(thread_id, {f"jan{i}": jan.id for i in range(5)}, days=300)
    page = anna.http.get(f"/api/threads/{thread_id}/posts",
                         query_string={"before": iso(utcnow() - timedelta(days=90)), "limit": 3}).get_json()
    assert page["more"] is True and len(page["changes"]) == 3
    assert {c["id"] for c in page["changes"]} <= set(old)
    assert all(c["scope"] == network_scope(network_id(MATH)) and c["op"] == "put" for c in page["changes"])
    piotr = as_user("piotr.zielinski@example.org")  # not a member
    assert piotr.http.get(f"/api/threads/{thread_id}/posts").status_code == 404
    assert anna.http.get(f"/api/threads/{uuid.uuid4()}/posts").status_code == 404


def test_marks_and_history_of_old_posts_stay_with_them(app, demo, as_user):
    anna, jan, ewa = (as_user(f"{n}@example.org") for n in ("anna.nowak", "jan.kowalski", "ewa.wisniewska"))
    thread_id = a_thread_in(MATH)
    (jans_old,) = old_posts(thread_id, {"jan": jan.id}, days=200)
    assert first_outcome(ewa.push(("post.react", {"post_id": jans_old, "helpful": True}))) == "applied"
    assert first_outcome(jan.push(("post.update", {"id": jans_old, "body": "Poprawiony stary wpis"}))) == "applied"
    body = anna.http.get("/api/sync/pull", query_string={"window_days": 90, "limit": 5000}).get_json()
    assert body["more"] is False
    about = [c for c in body["changes"] if c.get("data", {}).get("post_id") == jans_old or c.get("id") == jans_old]
    assert about == []
    everything = jan.pull_all()[0]
    assert any(c["type"] == "reaction" and c["data"]["post_id"] == jans_old for c in everything)
    assert any(c["type"] == "post_revision" and c["data"]["post_id"] == jans_old for c in everything)


def test_an_older_page_brings_the_marks_and_history_of_its_posts(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    ewa = as_user("ewa.wisniewska@example.org")
    thread_id = a_thread_in(MATH)
    (jans_old,) = old_posts(thread_id, {"jan": jan.id}, days=200)
    assert first_outcome(ewa.push(("post.react", {"post_id": jans_old, "helpful": True}))) == "applied"
    assert first_outcome(jan.push(("post.update", {"id": jans_old, "body": "Poprawiony stary wpis"}))) == "applied"

    page = anna.http.get(f"/api/threads/{thread_id}/posts",
                         query_string={"before": iso(utcnow() - timedelta(days=90))}).get_json()
    fetched = {(c["type"], c["id"]): c for c in page["changes"]}
    assert ("post", jans_old) in fetched

    # The same rows, shaped as a full pull gives them.
    pulled = {(c["type"], c["id"]): c for c in jan.pull_all()[0]
              if c["type"] in ("reaction", "post_revision") and c["op"] == "put" and c["data"]["post_id"] == jans_old}
    assert {t for t, _ in pulled} == {"reaction", "post_revision"}
    for key, change in pulled.items():
        assert key in fetched, key
        assert {k: fetched[key][k] for k in ("type", "id", "op", "scope", "data")} == \
               {k: change[k] for k in ("type", "id", "op", "scope", "data")}
    assert fetched[("post_revision", next(i for t, i in pulled if t == "post_revision"))]["data"]["body"] == \
        "Stary wpis: jan"
