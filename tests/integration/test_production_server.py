"""The production server of README: gunicorn, one worker with threads, on SQLite.

A teacher's socket stays open on it while another pushes a reply: the poke
arrives over the live channel and the pull then has the reply.
"""
from __future__ import annotations

import threading
import uuid

import pytest
import socketio
import websocket

from tests.integration.forum_helpers import MATH
from tests.processes import Person, ServerProcess, krag, krag_env, logs_on_failure

WAIT = 15  # seconds: generous for a loaded 2-core machine; an event ends each wait early


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("production")
    dist = tmp / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>Krąg</title>")
    instance = tmp / "instance"
    env = krag_env(INSTANCE_PATH=str(instance), PWA_DIST=str(dist), SECRET_KEY="production-test-secret")
    server = ServerProcess("gunicorn", env, tmp, gunicorn=True)
    krag(server.env, "db", "upgrade")
    krag(server.env, "seed-demo")
    server.start()
    try:
        server.wait_healthy()
        yield server
    finally:
        server.stop()


def test_a_reply_reaches_an_open_live_channel(server):
    with logs_on_failure(server):
        anna, jan = Person(server, "anna.nowak@example.org"), Person(server, "jan.kowalski@example.org")
        seen = anna.rows()
        math = next(r["id"] for r in seen if r["type"] == "network" and r["data"]["name"] == MATH)
        thread = next(r["id"] for r in seen if r["type"] == "thread" and r["data"]["network_id"] == math)

        socket = socketio.Client(http_session=jan.http, reconnection=False)
        poked = threading.Event()
        socket.on("poke", lambda data: data == {"scope": f"network:{math}"} and poked.set())
        socket.connect(server.url, transports=["websocket"], wait_timeout=WAIT)
        try:
            reply_id = str(uuid.uuid4())
            answer = anna.push(("post.create", {"id": reply_id, "thread_id": thread, "body": "Przez gunicorn"}))
            assert answer["results"] == [{"id": 1, "status": "applied"}]
            assert poked.wait(WAIT), f"no poke for {MATH} within {WAIT} s"
        finally:
            socket.disconnect()

        posts = {r["id"]: r["data"] for r in jan.rows() if r["type"] == "post"}
        assert posts[reply_id]["body"] == "Przez gunicorn"



def open_engine_io(server: ServerProcess, origin: str) -> str:
    """The first message of an Engine.IO WebSocket opened from a page at ``origin``
    through a TLS proxy (README's nginx passes the scheme in X-Forwarded-Proto)."""
    ws = websocket.create_connection(f"ws://127.0.0.1:{server.port}/socket.io/?EIO=4&transport=websocket",
                                     origin=origin, header=["X-Forwarded-Proto: https"], timeout=WAIT)
    try:
        return ws.recv()
    finally:
        ws.close()


def test_behind_a_tls_proxy_the_live_channel_takes_pages_of_its_own_address_only(server):
    with logs_on_failure(server):
        assert open_engine_io(server, f"https://127.0.0.1:{server.port}").startswith("0{")  # the open packet
        with pytest.raises(websocket.WebSocketBadStatusException):
            open_engine_io(server, "https://elsewhere.example")
