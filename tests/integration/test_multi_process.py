"""Multi-process correctness: two production servers (gunicorn's gevent worker) on one PostgreSQL
and one Redis, as test_scale_out runs them (a push through A poking a socket on B is tested there,
two editors on two servers converging and a late joiner on B in test_docs_scale_out).

Here: pulls through A and through B agree after pushes through both, row for row and cursor for
cursor; a late joiner on A gets what was written on B, whether A's room was open or not; and a
server killed with SIGKILL in the middle of a 1,000-mutation push, then started again, loses and
doubles nothing when the device resends its outbox (same client, same mutation ids).
"""
from __future__ import annotations

import threading
import time
import uuid

import pytest
import requests
from sqlalchemy import create_engine, text

from server.db import normalize_url
from tests.integration.docs_client import PyEditor
from tests.integration.forum_helpers import MATH
from tests.integration.test_docs_node import new_notes, server_state
from tests.integration.test_scale_out import WAIT, cluster  # noqa: F401 (the fixture)
from tests.processes import Person, ServerProcess, a_math_thread, logs_on_failure

pytestmark = pytest.mark.pg

BATCH = 1000  # the most one push may carry


def pulled(person: Person, url: str, cursor: str | None = None, limit: int = 1000) -> tuple[list[dict], str, dict]:
    """Everything from ``cursor`` on, page by page through ``url`` (her session is good on both
    servers: one secret key): the changes, the last cursor, the last page's last_mutation_ids."""
    changes, more = [], True
    while more:
        params = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        answer = person.http.get(f"{url}/api/sync/pull", params=params, timeout=30)
        assert answer.status_code == 200, answer.text[:500]
        body = answer.json()
        changes += body["changes"]
        cursor, more, done = body["cursor"], body["more"], body["last_mutation_ids"]
    return changes, cursor, done


def test_pulls_through_either_server_agree_after_pushes_through_both(cluster):  # noqa: F811
    a, b = cluster.a, cluster.b
    with logs_on_failure(a, b):
        anna, jan = Person(a, "anna.nowak@example.org"), Person(b, "jan.kowalski@example.org")
        _math, thread = a_math_thread(anna)
        before, _, _ = pulled(jan, b.url)
        start_a, start_b = pulled(jan, a.url)[1], pulled(jan, b.url)[1]
        assert start_a == start_b  # the same counters read by either process

        def writes(person: Person, server: ServerProcess, tag: str) -> None:
            for i in range(1, 16):  # each push commits on its own server, the two at once
                post = {"id": str(uuid.uuid4()), "thread_id": thread, "body": f"{tag} {i}"}
                body = {"client_id": person.client_id, "mutations": [{"id": i, "name": "post.create", "args": post}]}
                answer = person.http.post(f"{server.url}/api/sync/push", json=body, timeout=30)
                assert answer.json()["results"] == [{"id": i, "status": "applied"}], answer.text[:300]

        failures: list[BaseException] = []

        def guarded(*args) -> None:
            try:
                writes(*args)
            except BaseException as exc:  # noqa: BLE001 (reported below)
                failures.append(exc)

        writers = [threading.Thread(target=guarded, args=(anna, a, "Przez A")),
                   threading.Thread(target=guarded, args=(jan, b, "Przez B"))]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(120)
        assert not failures, failures

        for person in (anna, jan):
            whole = [pulled(person, server.url) for server in (a, b)]
            assert whole[0] == whole[1]  # the same rows, the same cursor, the same mutations counted done
            changes, _cursor, done = whole[0]
            assert done[person.client_id] == 15
            bodies = [c["data"]["body"] for c in changes if c["type"] == "post" and c["op"] == "put"]
            for tag in ("Przez A", "Przez B"):
                assert sorted(x for x in bodies if x.startswith(tag)) == sorted(f"{tag} {i}" for i in range(1, 16))

        # A cursor from either server goes on on either, and paging alternately through A and B
        # (seven rows a page) gives what one pull through one of them gives.
        since_a, since_b = pulled(jan, a.url, start_a), pulled(jan, b.url, start_b)
        assert since_a == since_b and len(since_a[0]) >= 30
        paged, cursor, more, turn = [], start_a, True, 0
        while more:
            answer = jan.http.get(f"{(a, b)[turn % 2].url}/api/sync/pull", params={"cursor": cursor, "limit": 7},
                                  timeout=30)
            body = answer.json()
            paged += body["changes"]
            cursor, more, turn = body["cursor"], body["more"], turn + 1
        assert turn > 2 and (paged, cursor) == since_a[:2]
        # Nothing new: from the last cursor both say so.
        assert pulled(jan, a.url, cursor)[:2] == pulled(jan, b.url, cursor)[:2] == ([], cursor)
        ids = [(c["scope"], c["type"], c["id"]) for c in since_a[0] if "id" in c]
        assert len(ids) == len(set(ids))  # each row once
        assert len(before) + 30 <= len(pulled(jan, a.url)[0])


def test_a_late_joiner_on_a_gets_what_was_written_on_b(cluster):  # noqa: F811
    """test_docs_scale_out joins late on B; here the other way round, once into a room A holds
    open and once into a document A has never opened."""
    a, b = cluster.a, cluster.b
    with logs_on_failure(a, b):
        anna, jan = Person(a, "anna.nowak@example.org"), Person(b, "jan.kowalski@example.org")
        doc, untouched = new_notes(anna), new_notes(anna)
        open_on_a, writer = PyEditor(a.url, anna.http, doc), PyEditor(b.url, jan.http, doc)
        lone = PyEditor(b.url, jan.http, untouched)
        editors = [open_on_a, writer, lone]
        try:
            for i in range(20):  # B writes; A's room stays open with Anna in it
                writer.insert(1, f"b{i} ")
                lone.insert(0, f"l{i} ")
            writer.wait()
            lone.wait()
            for name, wanted in ((doc, writer), (untouched, lone)):
                stored, state_vector, _ = server_state(jan, name)
                assert stored == str(wanted)
                late = PyEditor(a.url, anna.http, name)
                editors.append(late)
                late.wait(state_vector)
                assert str(late) == stored
                assert sorted(stored) == sorted("".join(f"{'b' if name == doc else 'l'}{i} " for i in range(20)))
            open_on_a.wait(server_state(anna, doc)[1])
            assert str(open_on_a) == str(writer)
        finally:
            for editor in editors:
                editor.close()


class Database:
    """The cluster's PostgreSQL, read (and locked) from outside the servers."""

    def __init__(self, url: str):
        self.engine = create_engine(normalize_url(url))

    def one(self, sql: str, **params):
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()

    def backends_waiting_on(self, statement: str) -> list[int]:
        """Sessions of the servers blocked on a lock while running ``statement``."""
        with self.engine.connect() as conn:
            return list(conn.execute(text(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND wait_event_type = 'Lock' AND query LIKE :q"), {"q": f"{statement}%"}).scalars())

    def alive(self, pids: list[int]) -> list[int]:
        with self.engine.connect() as conn:
            return list(conn.execute(text("SELECT pid FROM pg_stat_activity WHERE pid = ANY(:p)"),
                                     {"p": pids}).scalars())

    def state(self, client_id: str, thread: str, ids: list[str]) -> tuple:
        """The client's last mutation id, the thread's count, the batch's posts and their log rows."""
        return (self.one("SELECT last_mutation_id FROM sync_client WHERE client_id = :c", c=client_id),
                self.one("SELECT post_count FROM thread WHERE id = :t", t=thread),
                self.one("SELECT count(*) FROM post WHERE id = ANY(:i)", i=ids),
                self.one("SELECT count(*) FROM sync_row WHERE type = 'post' AND row_id = ANY(:i)", i=ids))


def until(condition, what: str, timeout: float = WAIT):
    deadline = time.monotonic() + timeout
    while not (found := condition()):
        assert time.monotonic() < deadline, f"{what} within {timeout:.0f} s"
        time.sleep(0.05)
    return found


def restarted(server: ServerProcess, round_: str) -> None:
    """Start ``server`` again on its port, as systemd would; the killed one's log kept aside."""
    server.log_path.rename(server.log_path.with_name(f"server-{server.name}-killed-{round_}.log"))
    server.start()
    server.wait_healthy()


def replies(thread: str, first: int, count: int = BATCH) -> list[dict]:
    return [{"id": first + i, "name": "post.create",
             "args": {"id": str(uuid.uuid4()), "thread_id": thread, "body": f"Z kolejki {first + i}"}}
            for i in range(count)]


def in_flight(person: Person, server: ServerProcess, batch: list[dict]) -> tuple[threading.Thread, list]:
    """The device's push, sent in the background; what came back (an answer or the error)."""
    outcome: list = []

    def send() -> None:
        try:
            outcome.append(person.http.post(f"{server.url}/api/sync/push", timeout=60,
                                            json={"client_id": person.client_id, "mutations": batch}))
        except requests.RequestException as exc:
            outcome.append(exc)

    sending = threading.Thread(target=send)
    sending.start()
    return sending, outcome


def test_a_server_killed_mid_push_loses_and_doubles_nothing(cluster):  # noqa: F811
    """Killed before its commit: nothing of the batch is kept, and the resent batch is applied
    once. Killed after its commit, before the device read the answer: the resent batch is all
    "duplicate", nothing applied twice. Through the restarted server and the other one."""
    a, b = cluster.a, cluster.b
    database = Database(a.env["KRAG_DATABASE_URL"])
    with logs_on_failure(a, b):
        anna = Person(a, "anna.nowak@example.org")
        math, thread = a_math_thread(anna)
        assert anna.push(("post.create", {"id": str(uuid.uuid4()), "thread_id": thread, "body": "Przed"})
                         )["results"][0]["status"] == "applied"  # her client is known: mutation 1 is done
        count = database.one("SELECT post_count FROM thread WHERE id = :t", t=thread)
        first = replies(thread, 2)
        first_ids = [m["args"]["id"] for m in first]

        # 1. Hold the network's counter, so the push applies all 1,000 and then waits to log them;
        # kill A while it waits there, the transaction open on PostgreSQL.
        with database.engine.connect() as holder:
            holder.execute(text("SELECT version FROM sync_scope WHERE name = :s FOR UPDATE"), {"s": f"network:{math}"})
            sending, outcome = in_flight(anna, a, first)
            blocked = until(lambda: database.backends_waiting_on("INSERT INTO sync_scope"),
                            "A's push never reached the change log")
            assert database.state(anna.client_id, thread, first_ids) == (1, count, 0, 0)  # nothing committed
            a.kill()
            sending.join(WAIT)
            assert isinstance(outcome[0], requests.ConnectionError), outcome  # the device got no answer
            holder.rollback()  # the counter is free: the orphaned transaction may go on, and cannot commit
        until(lambda: not database.alive(blocked), "the killed server's transaction outlived it")
        assert database.state(anna.client_id, thread, first_ids) == (1, count, 0, 0)  # lost whole, not half

        restarted(a, "before-commit")
        again = anna.http.post(f"{a.url}/api/sync/push", timeout=60,  # the outbox as it was: ids 2…1001
                               json={"client_id": anna.client_id, "mutations": first}).json()
        assert again == {"results": [{"id": m["id"], "status": "applied"} for m in first], "last_mutation_id": 1001}
        assert database.state(anna.client_id, thread, first_ids) == (1001, count + BATCH, BATCH, BATCH)

        # 2. The next batch commits; A is killed before the device reads what it answered.
        second = replies(thread, 1002)
        second_ids = [m["args"]["id"] for m in second]
        sending, _outcome = in_flight(anna, a, second)
        until(lambda: database.one("SELECT last_mutation_id FROM sync_client WHERE client_id = :c",
                                   c=anna.client_id) == 2001, "A never committed the second batch", 60)
        a.kill()
        sending.join(WAIT)
        committed = database.state(anna.client_id, thread, second_ids)
        assert committed == (2001, count + 2 * BATCH, BATCH, BATCH)
        restarted(a, "after-commit")
        for server in (a, b):  # resent, to either server: every mutation was done already
            body = {"client_id": anna.client_id, "mutations": second}
            answer = anna.http.post(f"{server.url}/api/sync/push", json=body, timeout=60).json()
            assert answer == {"results": [{"id": m["id"], "status": "duplicate"} for m in second],
                              "last_mutation_id": 2001}
        assert database.state(anna.client_id, thread, second_ids) == committed

        # What devices pull says the same, through either server: every reply of both batches once.
        for server in (a, b):
            changes, _cursor, done = pulled(anna, server.url)
            posts = [c["id"] for c in changes if c["type"] == "post" and c["op"] == "put"]
            assert sorted(i for i in posts if i in set(first_ids + second_ids)) == sorted(first_ids + second_ids)
            assert done[anna.client_id] == 2001
            assert next(c for c in changes if c.get("id") == thread)["data"]["post_count"] == count + 2 * BATCH
    database.engine.dispose()


def test_members_on_two_servers_get_every_post_exactly_once(cluster):  # noqa: F811
    """A small load (bench/multi_process.py runs a bigger one): 30 members of one network, half
    with the app open on each server, 6 of them posting 5 replies each at once; each member pulls
    on every poke from her own cursor and ends with every reply once."""
    from tests.load import add_members, run

    a, b = cluster.a, cluster.b
    with logs_on_failure(a, b):
        anna = Person(a, "anna.nowak@example.org")
        math, thread = a_math_thread(anna)
        tokens = add_members(a.env["KRAG_DATABASE_URL"], MATH, 30)
        outcome = run([a, b], tokens, f"network:{math}", thread, posters=6, posts_each=5)
        assert not outcome.failures and len(outcome.sent) == 30
        assert outcome.missing() == 0 and outcome.doubled() == 0
        assert not [m.errors for m in outcome.members if m.errors]
        assert all(m.pokes for m in outcome.members)
