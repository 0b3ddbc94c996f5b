"""Scale-out as README runs it: two production servers (gunicorn's gevent worker, so
psycopg and Redis under gevent) share one PostgreSQL database and one Redis.

A reply pushed to server A pokes a socket held by server B (Flask-SocketIO's
message queue carries the poke), and a pull on B then has the reply.
"""
from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass

import pytest
import socketio

from server import migrate
from tests.databases import REDIS_URL, fresh_postgres, require_redis
from tests.integration.forum_helpers import MATH
from tests.processes import Person, ServerProcess, krag, krag_env, logs_on_failure

pytestmark = pytest.mark.pg

CHANNEL = "flask-socketio"  # Flask-SocketIO's default message-queue channel
WAIT = 15  # seconds: generous for a loaded 2-core machine; an event ends each wait early


@dataclass
class Cluster:
    a: ServerProcess
    b: ServerProcess


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    require_redis()
    tmp = tmp_path_factory.mktemp("scale-out")
    dist = tmp / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>Krąg</title>")
    with fresh_postgres() as database_url:
        migrate.upgrade(database_url)
        servers = []
        for name in ("A", "B"):
            instance = tmp / f"instance-{name}"
            instance.mkdir()
            env = krag_env(DATABASE_URL=database_url, REDIS_URL=REDIS_URL, SECRET_KEY="scale-out-secret",
                           INSTANCE_PATH=str(instance), PWA_DIST=str(dist))
            servers.append(ServerProcess(name, env, tmp, gunicorn=True))
        krag(servers[0].env, "seed-demo")
        try:
            for server in servers:
                server.start()
            for server in servers:
                server.wait_healthy()
            yield Cluster(*servers)
        finally:
            for server in servers:
                server.stop()


def wait_until_listening(server: ServerProcess, user_id: str, heard: threading.Event) -> None:
    """Make sure ``server`` has subscribed to the message queue before anything is sent through it.

    A server subscribes in a background thread once its first socket connects, so
    a poke published at once could go out before it listens. Flask-SocketIO's own
    write-only queue client publishes a probe to the user's room until the
    socket hears it.
    """
    queue = socketio.RedisManager(REDIS_URL, channel=CHANNEL, write_only=True)
    deadline = time.monotonic() + WAIT
    while not heard.is_set():
        assert time.monotonic() < deadline, f"server {server.name} never relayed a message from Redis"
        queue.emit("scale_out_probe", {"user": user_id}, to=f"user:{user_id}")
        heard.wait(0.2)


def test_a_reply_pushed_to_one_server_pokes_a_socket_on_the_other(cluster):
    a, b = cluster.a, cluster.b
    with logs_on_failure(a, b):
        anna, jan = Person(a, "anna.nowak@example.org"), Person(b, "jan.kowalski@example.org")
        seen = anna.rows()
        math = next(r["id"] for r in seen if r["type"] == "network" and r["data"]["name"] == MATH)
        thread = next(r["id"] for r in seen if r["type"] == "thread" and r["data"]["network_id"] == math)

        socket = socketio.Client(http_session=jan.http, reconnection=False)
        pokes: list[dict] = []
        poked, probed = threading.Event(), threading.Event()
        socket.on("scale_out_probe", lambda _data: probed.set())

        @socket.on("poke")
        def on_poke(data):
            pokes.append(data)
            if data == {"scope": f"network:{math}"}:
                poked.set()

        socket.connect(b.url, wait_timeout=WAIT)
        try:
            wait_until_listening(b, jan.id, probed)
            reply_id = str(uuid.uuid4())
            answer = anna.push(("post.create", {"id": reply_id, "thread_id": thread, "body": "Odpowiedź przez A"}))
            assert answer["results"] == [{"id": 1, "status": "applied"}]

            assert poked.wait(WAIT), f"Jan's socket on B got no poke for {MATH} within {WAIT} s; pokes: {pokes}"
        finally:
            socket.disconnect()

        posts = {r["id"]: r["data"] for r in jan.rows() if r["type"] == "post"}
        assert posts[reply_id]["body"] == "Odpowiedź przez A"
        assert posts[reply_id]["author_id"] == anna.id


def test_a_socket_without_a_session_is_refused(cluster):
    with logs_on_failure(cluster.a, cluster.b):
        socket = socketio.Client(reconnection=False)
        refusals: list = []
        socket.on("connect_error", refusals.append)
        with pytest.raises(socketio.exceptions.ConnectionError):
            socket.connect(cluster.b.url, wait_timeout=WAIT)
        assert refusals == [{"message": "unauthorized"}]
        assert not socket.connected
