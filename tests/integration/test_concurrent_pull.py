"""Concurrent writers and an incremental puller on PostgreSQL: the cursor skips nothing.

With a plain sequence a transaction could draw version 7, commit after 8 was
read, and be skipped. The scope counter's row lock rules that out; this test
would catch it. The writers write in two of the reader's networks at once, and
each pull reads all her scopes' counters in one query.
"""
from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from server.accounts.services import find_user_by_email
from server.extensions import db
from server.syncing.engine import engine
from tests.integration.forum_helpers import GIFTED, MATH, a_thread_in

WRITERS = 4
BATCHES = 20
PER_BATCH = 3


@pytest.fixture(params=[pytest.param("postgresql", marks=pytest.mark.pg)])
def database_url(request):
    from tests.conftest import _empty

    url = request.getfixturevalue("postgres_url")
    _empty(url)
    return url


def test_no_change_is_skipped_under_concurrent_writes(app, demo):
    # Writer n writes in the network of threads[n % 2] as authors[n % 4]: a member of it.
    threads_of = [a_thread_in(MATH), a_thread_in(GIFTED)]
    authors = [find_user_by_email(db.session, e).id for e in ("anna.nowak@example.org", "piotr.zielinski@example.org",
                                                             "jan.kowalski@example.org", "katarzyna.wojcik@example.org")]
    reader = find_user_by_email(db.session, "ewa.wisniewska@example.org").id  # a member of both
    written: set[str] = set()
    seen: set[str] = set()
    rounds_with_news = 0
    writers_done = threading.Event()
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            with app.app_context(), Session(db.engine, expire_on_commit=False) as session:
                client = str(uuid.uuid4())
                for b in range(BATCHES):
                    batch = []
                    for k in range(PER_BATCH):
                        post_id = str(uuid.uuid4())
                        batch.append({"id": b * PER_BATCH + k + 1, "name": "post.create",
                                      "args": {"id": post_id, "thread_id": threads_of[n % 2], "body": f"w{n} b{b} k{k}"}})
                        written.add(post_id)
                    out = engine.push(session, authors[n % 4], client, batch)
                    assert {r["status"] for r in out.results} == {"applied"}
        except BaseException as exc:  # surfaced in the main thread
            errors.append(exc)

    counter_reads: list[int] = []

    def count_counter_reads(_conn, _cursor, statement, *_args) -> None:
        if threading.get_ident() == puller.ident and "FROM sync_scope" in statement:
            counter_reads[-1] += 1

    def pull_until_done() -> None:
        nonlocal rounds_with_news
        cursor = None
        try:
            with Session(db.engine) as session:
                while True:
                    finished = writers_done.is_set()
                    counter_reads.append(0)
                    page = engine.pull(session, reader, cursor, 25)
                    cursor = page["cursor"]
                    news = {c["id"] for c in page["changes"] if c.get("type") == "post"}
                    rounds_with_news += bool(news - seen)
                    seen.update(news)
                    if finished and not page["more"]:
                        return
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    puller = threading.Thread(target=pull_until_done)
    event.listen(db.engine, "before_cursor_execute", count_counter_reads)
    puller.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    writers_done.set()
    puller.join(timeout=120)
    event.remove(db.engine, "before_cursor_execute", count_counter_reads)

    assert not errors, errors
    assert len(written) == WRITERS * BATCHES * PER_BATCH
    assert written - seen == set(), f"{len(written - seen)} posts never reached the incremental puller"
    assert rounds_with_news > 1, "the puller never ran alongside the writers"
    assert set(counter_reads) == {1}, "each pull reads all her scopes' counters in one query"
