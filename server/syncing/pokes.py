"""Pokes coalesced per scope: at most one per scope per INTERVAL_S in each process, never a lost one.

Every open app of a scope pulls on its poke, so fifty replies landing in one network within a
moment would make every member's app pull fifty times. Here the first write's poke goes at once
(a lone reply is not delayed); a write within INTERVAL_S of its scope's last poke waits for one
poke at the interval's end, which then covers every write of the scope meanwhile. That poke is
sent after each write it covers has committed (the write found it waiting, so it had not gone
yet), so the pull it starts sees all of them: the last write is always poked.

Each process coalesces its own commits; pokes from several processes meet in Redis as before.
"""
from __future__ import annotations

import threading
import time
from typing import Callable

from server.extensions import socketio

INTERVAL_S = 0.25
_FORGET_AFTER = 1000  # scopes remembered before the ones poked longer than INTERVAL_S ago are dropped


class Coalescer:
    """``poke(scope)`` after each commit; ``emit(scope)`` sends the poke itself. ``spawn(fn, *args)``
    runs fn in the background and ``sleep(s)`` waits there (the server's: greenlets under gevent)."""

    def __init__(self, emit: Callable[[str], None], spawn: Callable, sleep: Callable[[float], None],
                 interval: float = INTERVAL_S, clock: Callable[[], float] = time.monotonic):
        self._emit, self._spawn, self._sleep, self.interval, self._clock = emit, spawn, sleep, interval, clock
        self._last: dict[str, float] = {}  # scope -> when its last poke went
        self._waiting: set[str] = set()  # scopes whose poke at the interval's end is due
        self._lock = threading.Lock()

    def poke(self, scope: str) -> None:
        with self._lock:
            if scope in self._waiting:
                return  # the poke due goes after this commit: it covers this write
            now = self._clock()
            last = self._last.get(scope)
            if last is None or now - last >= self.interval:
                self._last[scope] = now
                self._forget_old(now)
                delay = None
            else:
                self._waiting.add(scope)
                delay = last + self.interval - now
        if delay is None:
            self._emit(scope)
        else:
            self._spawn(self._later, scope, delay)

    def _later(self, scope: str, delay: float) -> None:
        self._sleep(delay)
        with self._lock:
            self._waiting.discard(scope)  # a write from now on finds no poke due, and asks for its own
            self._last[scope] = self._clock()
        self._emit(scope)

    def _forget_old(self, now: float) -> None:
        if len(self._last) > _FORGET_AFTER:
            self._last = {s: t for s, t in self._last.items() if now - t < self.interval or s in self._waiting}



def _emit(scope: str) -> None:
    socketio.emit("poke", {"scope": scope}, to=scope)


# The server's, one per process: server/syncing/engine.py pokes through it after every commit.
coalescer = Coalescer(_emit, socketio.start_background_task, socketio.sleep)
