"""A phone that keeps one network whole and only the recent window of another (keep_all)."""
from __future__ import annotations

import uuid
from datetime import timedelta

from server.db import utcnow
from server.extensions import db
from server.forum.models import Post, Thread
from server.forum.posts import count_posts
from server.scopes import network_scope
from server.syncing.engine import engine
from tests.integration.forum_helpers import GIFTED, MATH, a_thread_in, first_outcome, network_id


def an_old_post(network: str, author_id: str, days: int = 200) -> str:
    thread_id = a_thread_in(network)
    with engine.writing(db.session, author_id) as ctx:
        post = Post(id=str(uuid.uuid4()), thread_id=thread_id, network_id=network_id(network),
                    body=f"Stary wpis w {network}", author_id=author_id, created_at=utcnow() - timedelta(days=days))
        ctx.put("post", post, [network_scope(network_id(network))])
        count_posts(ctx, ctx.get(Thread, thread_id), 1)
    return post.id


def pulled(user, keep: list[str], cursor: str | None = None, limit: int = 1000) -> tuple[list[dict], str]:
    changes = []
    while True:
        query = {"window_days": 90, "limit": limit, "keep_all": ",".join(keep)} | ({"cursor": cursor} if cursor else {})
        response = user.http.get("/api/sync/pull", query_string=query)
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        changes += body["changes"]
        cursor = body["cursor"]
        if not body["more"]:
            return changes, cursor


def posts_in(changes: list[dict]) -> set[str]:
    return {c["id"] for c in changes if c.get("type") == "post" and c["op"] == "put"}


def test_one_network_whole_and_another_windowed(app, demo, as_user):
    ewa = as_user("ewa.wisniewska@example.org")  # in both networks
    jan, piotr = as_user("jan.kowalski@example.org"), as_user("piotr.zielinski@example.org")
    math_old, gifted_old = an_old_post(MATH, jan.id), an_old_post(GIFTED, piotr.id)
    math, gifted = network_scope(network_id(MATH)), network_scope(network_id(GIFTED))

    changes, cursor = pulled(ewa, [math])
    assert math_old in posts_in(changes) and gifted_old not in posts_in(changes)
    assert pulled(ewa, [math], limit=3)[0] == changes  # paging keeps the same choice

    # She turns it around: the gifted network is read again from its start, now whole; the
    # mathematicians' network gets its window from now on (an edit of an old post stays away).
    assert first_outcome(jan.push(("post.update", {"id": math_old, "body": "Poprawiony stary wpis"}))) == "applied"
    again, cursor = pulled(ewa, [gifted], cursor)
    assert gifted_old in posts_in(again)
    assert math_old not in posts_in(again)
    assert {c["scope"] for c in again if c.get("type") == "post"} == {gifted}

    # Nothing is read twice afterwards.
    assert posts_in(pulled(ewa, [gifted], cursor)[0]) == set()


def test_without_keep_all_the_window_is_as_before(app, demo, as_user):
    ewa, jan = as_user("ewa.wisniewska@example.org"), as_user("jan.kowalski@example.org")
    math_old = an_old_post(MATH, jan.id)
    assert math_old not in posts_in(pulled(ewa, [])[0])
    assert math_old in posts_in(ewa.pull_all()[0])  # no window: everything, as an older device asks


def test_a_bad_keep_all_is_refused(app, demo, as_user):
    ewa = as_user("ewa.wisniewska@example.org")
    long = ",".join(f"network:{i}" for i in range(501))
    response = ewa.http.get("/api/sync/pull", query_string={"window_days": 90, "keep_all": long})
    assert response.status_code == 400
    assert "keep_all" in response.get_json()["error"]["fields"]
