"""Deleting an account closes its open live channels at once, with a real Socket.IO client on a
real `krag run`: her phone's socket and her computer's (the one that deleted it) both close, and
neither connects again; another person's socket stays open."""
from __future__ import annotations

import pytest
import socketio

from tests.integration.test_sessions_live import WAIT, _database, _socket
from tests.processes import Person, ServerProcess, krag, krag_env, logs_on_failure

ANNA, JAN = "anna.nowak@example.org", "jan.kowalski@example.org"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def server(request, tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>Krąg</title>")
    with _database(request.param, tmp_path) as url:
        one = ServerProcess("A", krag_env(DATABASE_URL=url, SECRET_KEY="deletion", INSTANCE_PATH=str(tmp_path / "i"),
                                          PWA_DIST=str(dist)), tmp_path)
        krag(one.env, "seed-demo")
        try:
            one.start()
            one.wait_healthy()
            with logs_on_failure(one):
                yield one
        finally:
            one.stop()


def test_her_sockets_close_when_her_account_is_deleted(server):
    phone, computer, jan = Person(server, ANNA), Person(server, ANNA), Person(server, JAN)
    sockets = [_socket(p, server.url) for p in (phone, computer, jan)]
    try:
        assert all(s.connected for s, _, _ in sockets)
        assert computer.push(("account.delete", {}))["results"] == [{"id": 1, "status": "applied"}]
        for (socket, closed, ended), who in zip(sockets[:2], ("phone", "computer")):
            assert closed.wait(WAIT), f"her {who}'s socket stayed open"
            assert ended.is_set(), f"her {who} was not told its session ended"
        assert sockets[2][0].connected and not sockets[2][1].is_set()
        assert phone.http.get(f"{server.url}/api/me", timeout=10).status_code == 401
        again = socketio.Client(http_session=phone.http, reconnection=False)
        with pytest.raises(socketio.exceptions.ConnectionError):
            again.connect(server.url, wait_timeout=WAIT)
        names = {r["id"]: r["data"]["name"] for r in jan.rows() if r["type"] == "user"}
        assert names[phone.id] == "Konto usunięte"
    finally:
        for socket, _, _ in sockets:
            socket.disconnect()
