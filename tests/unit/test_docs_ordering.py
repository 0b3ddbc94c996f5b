"""server/docs/ordering.py: a binary Socket.IO event's pieces (its header, then its bytes) reach
the connection back to back, whatever other threads send meanwhile.

python-socketio queues those pieces one `eio.send` at a time. The Engine.IO layer here is a
recorder that, like a busy socket, lets other threads run right after a header; the client's
rule is checked on what it recorded: after a header announcing n attachments come n binary
packets, nothing else. Unguarded (python-socketio's own methods), threads do interleave — the
reason the lock exists; guarded, they never do."""
from __future__ import annotations

import threading
import time
from types import MethodType

import socketio
from socketio import manager

from server.docs import ordering

ordering.install()
ROUNDS = 6


def recorder(server: socketio.Server) -> list:
    sent: list = []

    def send(_eio_sid, data):
        sent.append(data)
        if isinstance(data, str) and data.startswith("5"):  # a binary event's header: others get a turn
            time.sleep(0.01)

    server.eio.send = send
    server.eio.send_packet = lambda eio_sid, pkt: send(eio_sid, pkt.data)
    return sent


def broken(sent: list) -> list[str]:
    """Where a text packet came while a header still waited for its bytes (the client then
    takes the wrong packet for them, or drops the connection)."""
    waiting, found = 0, []
    for i, data in enumerate(sent):
        if isinstance(data, str):
            if waiting:
                found.append(f"#{i} {data[:20]!r} inside a binary event")
            waiting = int(data[1:data.index("-")]) if data.startswith("5") else 0
        else:
            waiting -= 1
    return found


def race(server: socketio.Server, sid: str) -> None:
    """Two threads relay binary updates, a third acknowledges (text): as a room's handlers do."""
    start = threading.Barrier(3)

    def relay(tag: bytes):
        start.wait()
        for i in range(ROUNDS):
            server.emit("doc:message", ("plan:x", tag + bytes([i])), to=sid)

    def acknowledge():
        start.wait()
        for i in range(ROUNDS * 2):
            server._send_packet("eio-1", server.packet_class(socketio.packet.ACK, namespace="/", data=[{"ok": True}], id=i))
            time.sleep(0.002)

    threads = [threading.Thread(target=relay, args=(b"A",)), threading.Thread(target=relay, args=(b"B",)),
               threading.Thread(target=acknowledge)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)


def connected(unguarded: bool) -> tuple[socketio.Server, str, list]:
    server = socketio.Server(async_mode="threading")
    if unguarded:  # python-socketio's own methods, as they are without ordering.install()
        server.manager.emit = MethodType(manager.Manager.emit.__wrapped__, server.manager)
        server._send_packet = MethodType(socketio.Server._send_packet.__wrapped__, server)
    sent = recorder(server)
    sid = server.manager.connect("eio-1", "/")
    return server, sid, sent


def test_unguarded_threads_split_a_binary_event():
    server, sid, sent = connected(unguarded=True)
    race(server, sid)
    assert broken(sent), "python-socketio now sends a binary event whole: ordering.py may go"


def test_guarded_every_binary_event_arrives_whole():
    server, sid, sent = connected(unguarded=False)
    race(server, sid)
    assert broken(sent) == []
    assert sum(1 for d in sent if isinstance(d, bytes)) == 2 * ROUNDS
