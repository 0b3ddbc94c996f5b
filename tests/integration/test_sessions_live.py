"""A revoked session's live channel closes, with a real Socket.IO client, even when another
process holds it: two `krag run` servers share the database and Redis (the message queue), the
phone's socket is on B, her computer signs the phone out through A."""
from __future__ import annotations

import threading
import uuid
from contextlib import contextmanager

import pytest
import socketio

from server import migrate
from tests.databases import REDIS_URL, fresh_postgres, require_redis
from tests.processes import Person, ServerProcess, krag, krag_env, logs_on_failure

ANNA = "anna.nowak@example.org"
WAIT = 15  # seconds, for a loaded 2-core machine; the event ends each wait early


@contextmanager
def _database(kind: str, tmp_path):
    if kind == "sqlite":
        url = f"sqlite:///{tmp_path / 'krag.db'}"
        migrate.upgrade(url)
        yield url
    else:
        with fresh_postgres() as url:
            migrate.upgrade(url)
            yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def servers(request, tmp_path):
    require_redis()
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>Krąg</title>")
    prefix = f"krag-test-{uuid.uuid4().hex[:12]}"
    with _database(request.param, tmp_path) as url:
        both = [ServerProcess(name, krag_env(DATABASE_URL=url, REDIS_URL=REDIS_URL, SECRET_KEY="sessions",
                                             RATELIMIT_PREFIX=prefix, INSTANCE_PATH=str(tmp_path / f"i-{name}"),
                                             PWA_DIST=str(dist)), tmp_path) for name in ("A", "B")]
        krag(both[0].env, "seed-demo")
        try:
            for server in both:
                server.start()
            for server in both:
                server.wait_healthy()
            with logs_on_failure(*both):
                yield both
        finally:
            for server in both:
                server.stop()


def _socket(person: Person, url: str):
    client = socketio.Client(http_session=person.http, reconnection=False)
    closed, ended = threading.Event(), threading.Event()
    client.on("disconnect", lambda *_reason: closed.set())
    client.on("session:ended", lambda _data: ended.set())
    client.connect(url, wait_timeout=WAIT)
    return client, closed, ended


def test_signing_out_a_phone_closes_its_socket_in_the_other_process(servers):
    a, b = servers
    phone, computer = Person(b, ANNA), Person(a, ANNA)
    lost = phone.http.get(f"{b.url}/api/me", timeout=10).json()["session_id"]
    socket, closed, _ = _socket(phone, b.url)
    keeps, kept_closed, _ = _socket(computer, b.url)  # her computer's own socket stays open
    try:
        assert socket.connected
        answer = computer.push(("session.revoke", {"id": lost}))
        assert answer["results"] == [{"id": 1, "status": "applied"}]
        assert closed.wait(WAIT), "the revoked session's socket on B stayed open"
        assert not kept_closed.is_set() and keeps.connected
        assert phone.http.get(f"{b.url}/api/me", timeout=10).status_code == 401
        again = socketio.Client(http_session=phone.http, reconnection=False)
        with pytest.raises(socketio.exceptions.ConnectionError):
            again.connect(b.url, wait_timeout=WAIT)
    finally:
        socket.disconnect()
        keeps.disconnect()


def test_signing_out_tells_and_closes_this_device_s_socket(servers):
    a, _ = servers
    anna = Person(a, ANNA)
    socket, closed, _ = _socket(anna, a.url)
    try:
        assert anna.http.post(f"{a.url}/api/auth/logout", timeout=10).status_code == 204
        assert closed.wait(WAIT), "her socket stayed open after she signed out"
    finally:
        socket.disconnect()
