"""Socket.IO: signed-out connections are refused; members get pokes after commits."""
from __future__ import annotations

import time

from server.extensions import socketio
from tests.integration.forum_helpers import GIFTED, MATH, a_thread_in, network_id, reply


def pokes(client) -> list[dict]:
    return [event["args"][0] for event in client.get_received() if event["name"] == "poke"]


def pokes_until(client, scope: str, wait: float = 5) -> list[dict]:
    """Pokes until one of ``scope`` came: a write within a quarter second of its scope's last
    poke is poked at the quarter second's end (server/syncing/pokes.py)."""
    heard, deadline = pokes(client), time.monotonic() + wait
    while {"scope": scope} not in heard and time.monotonic() < deadline:
        time.sleep(0.02)
        heard += pokes(client)
    return heard


def test_a_connection_without_a_session_is_refused(app, demo):
    client = socketio.test_client(app, flask_test_client=app.test_client())
    assert not client.is_connected()


def test_members_are_poked_for_their_networks_only(app, demo, as_user):
    anna, jan, ewa = (as_user(f"{n}@example.org") for n in ("anna.nowak", "jan.kowalski", "ewa.wisniewska"))
    jan_socket = socketio.test_client(app, flask_test_client=jan.http)
    anna_socket = socketio.test_client(app, flask_test_client=anna.http)
    assert jan_socket.is_connected() and anna_socket.is_connected()
    jan_socket.get_received(), anna_socket.get_received()

    ewa.push(reply(a_thread_in(GIFTED)))
    gifted = f"network:{network_id(GIFTED)}"
    assert [p for p in pokes(jan_socket) + pokes(anna_socket) if p["scope"] == gifted] == []

    anna.push(reply(a_thread_in(MATH)))
    jan_pokes = pokes_until(jan_socket, f"network:{network_id(MATH)}")
    assert {"scope": f"network:{network_id(MATH)}"} in jan_pokes
    # Anything else he hears of is his own news (a notification), never another network.
    assert all(p["scope"] in (f"network:{network_id(MATH)}", f"user:{jan.id}") for p in jan_pokes)
    jan_socket.disconnect()
    anna_socket.disconnect()
