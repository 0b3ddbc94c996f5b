"""Binary Socket.IO messages reach a client whole, whichever threads send at once.

A Socket.IO event carrying bytes travels as two Engine.IO packets: its header, then the
bytes. python-socketio queues them one by one, so where handlers run in threads of their
own (`krag run`, the Flask test server) another thread's packet — a relayed update, an
acknowledgement, a poke — can land between the two, and the client then takes the wrong
packet for the bytes or drops the connection (python-socketio issue #403). Two editors
typing at once lost each other's keystrokes that way. One lock around every send of a whole
Socket.IO packet keeps its pieces together; the sends only queue packets, so it is held for
microseconds, and under gevent it is a greenlet's lock.
"""
from __future__ import annotations

import threading
from functools import wraps

import socketio
from socketio import manager

_whole = threading.RLock()


def install() -> None:
    """Wrap the two places python-socketio queues a packet's pieces (once, however often called)."""
    for cls, name in ((manager.Manager, "emit"), (socketio.Server, "_send_packet")):
        original = getattr(cls, name)
        if getattr(original, "krag_whole", False):
            continue

        @wraps(original)
        def sent_whole(*args, _original=original, **kwargs):
            with _whole:
                return _original(*args, **kwargs)

        sent_whole.krag_whole = True  # type: ignore[attr-defined]
        setattr(cls, name, sent_whole)
