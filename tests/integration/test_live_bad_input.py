"""Whatever a client sends on the live channel, no handler breaks and the process stays: JSON
nested deeper than Python recurses, or not JSON, on any event gets an error ack (when one was
asked for); a packet larger than the channel takes closes that one connection only. Against a
real `krag run`, with python-socketio's client signed in as a teacher."""
from __future__ import annotations

import threading

import pytest
import requests
import socketio

from server.syncing.packets import MESSAGE
from tests.processes import demo_server, logs_on_failure, signed_in

ANNA = "anna.nowak@example.org"
DEEP_ARRAY = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"a":' * 50_000 + "1" + "}" * 50_000
UNREADABLE = {"error": {"code": "invalid", "message": MESSAGE}}
EVENTS = ("doc:join", "doc:message", "doc:leave", "poke", "no:such-event")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_server(tmp_path_factory.mktemp("live-bad-input"), "live-bad-input", (ANNA,)) as srv:
        yield srv


@pytest.fixture(scope="module")
def cookie(server) -> str:
    return f"krag_session={signed_in(server, ANNA).cookies['krag_session']}"


def connect(server, cookie: str) -> socketio.Client:
    sio = socketio.Client(reconnection=False)
    sio.connect(server.url, headers={"Cookie": cookie}, transports=["websocket"], wait_timeout=10)
    return sio


@pytest.fixture
def channel(server, cookie):
    sio = connect(server, cookie)
    yield sio
    sio.disconnect()


def send_raw(sio: socketio.Client, event: str, arguments: str, timeout: float = 10):
    """Emit ``event`` with ``arguments`` as these very characters (no Python value serializes to
    100,000 nested lists), asking for an ack; the ack's arguments, or None if none came."""
    answered, got = threading.Event(), []
    ack = sio._generate_ack_id("/", lambda *args: (got.append(args), answered.set()))
    sio.eio.send(f'2{ack}["{event}",{arguments}]')
    return got[0] if answered.wait(timeout) else None


@pytest.mark.parametrize("event", EVENTS)
def test_deeply_nested_json_on_any_event_is_answered(server, channel, event):
    with logs_on_failure(server):
        assert send_raw(channel, event, DEEP_ARRAY) == (UNREADABLE,)
        assert send_raw(channel, event, DEEP_OBJECT) == (UNREADABLE,)
        assert send_raw(channel, event, '{"doc": tru') == (UNREADABLE,)  # not JSON at all
        # The same connection goes on: its handlers answer as ever.
        assert channel.call("doc:join", {"doc": "plan:nonsense"}, timeout=10)["error"]["code"] == "invalid"
        assert "Traceback" not in server.log()


def test_a_payload_too_large_closes_that_connection_only(server, channel, cookie):
    with logs_on_failure(server):
        # Under the channel's limit (1 MB): the handler reads it and refuses the id.
        assert channel.call("doc:join", {"doc": "plan:" + "x" * 900_000}, timeout=30)["error"]["code"] == "invalid"
        closed = threading.Event()
        channel.on("disconnect", lambda *_: closed.set())
        channel.eio.send('2["doc:join",{"doc":"' + "x" * 2_000_000 + '"}]')
        assert closed.wait(30), "a 2 MB packet is more than the channel takes"
        assert server.proc.poll() is None
        assert requests.get(f"{server.url}/healthz", timeout=10).status_code == 200
        again = connect(server, cookie)  # the app connects again, and is answered as ever
        try:
            assert again.call("doc:join", {"doc": "plan:nonsense"}, timeout=10)["error"]["code"] == "invalid"
        finally:
            again.disconnect()
        assert "Traceback" not in server.log()
