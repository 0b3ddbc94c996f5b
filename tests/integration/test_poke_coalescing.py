"""Pokes coalesced per scope (server/syncing/pokes.py): many writes landing together in one scope
send few pokes, each write is followed by a poke sent after it, and a lone write is poked at once."""
from __future__ import annotations

import random
import threading
import time

from server.extensions import socketio
from server.syncing import pokes
from tests.integration.forum_helpers import MATH, a_thread_in, first_outcome, network_id, reply

WAIT = 10  # seconds: an event ends each wait early


class Recorded:
    """A Coalescer with its emits noted (when, which scope), on real threads and the real clock."""

    def __init__(self, interval: float):
        self.emits: list[tuple[float, str]] = []
        self.changed = threading.Condition()
        self.coalescer = pokes.Coalescer(self._emit, self._spawn, time.sleep, interval)

    def _emit(self, scope: str) -> None:
        with self.changed:
            self.emits.append((time.monotonic(), scope))
            self.changed.notify_all()

    @staticmethod
    def _spawn(fn, *args) -> None:
        threading.Thread(target=fn, args=args, daemon=True).start()

    def settled(self) -> None:
        """Until no poke is due (each due one is sent within the interval)."""
        deadline = time.monotonic() + WAIT
        while self.coalescer._waiting:
            assert time.monotonic() < deadline, f"pokes still due: {self.coalescer._waiting}"
            with self.changed:
                self.changed.wait(0.05)

    def of(self, scope: str) -> list[float]:
        return [t for t, s in self.emits if s == scope]


def test_fifty_writes_within_the_interval_send_two_pokes_the_second_after_the_last():
    recorded = Recorded(interval=0.25)
    start = time.monotonic()
    for _ in range(50):
        recorded.coalescer.poke("network:a")
    last_write = time.monotonic()
    assert last_write - start < 0.25, "the machine was too slow to write 50 within the interval"
    recorded.coalescer.poke("network:b")  # another scope is its own
    recorded.settled()
    sent = recorded.of("network:a")
    assert len(sent) == 2  # the first write's at once, one for the other 49 at the interval's end
    assert sent[0] <= last_write <= sent[1]
    assert sent[1] - sent[0] >= 0.25 * 0.95
    assert len(recorded.of("network:b")) == 1


def test_a_lone_write_is_poked_at_once_and_so_is_one_after_a_quiet_interval():
    recorded = Recorded(interval=0.05)
    recorded.coalescer.poke("network:a")
    assert len(recorded.of("network:a")) == 1  # sent inside poke(): nothing waited
    time.sleep(0.06)
    recorded.coalescer.poke("network:a")
    assert len(recorded.of("network:a")) == 2 and not recorded.coalescer._waiting


def test_writes_from_many_threads_are_each_followed_by_a_poke_and_pokes_stay_few():
    recorded = Recorded(interval=0.04)
    writes: list[tuple[float, str]] = []
    lock = threading.Lock()

    def writer(seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(60):
            scope = rng.choice(("network:a", "network:b", "user:c"))
            with lock:
                writes.append((time.monotonic(), scope))  # committed: the poke is asked for after
            recorded.coalescer.poke(scope)
            time.sleep(rng.random() * 0.01)

    start = time.monotonic()
    threads = [threading.Thread(target=writer, args=(seed,)) for seed in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - start
    recorded.settled()
    for scope in ("network:a", "network:b", "user:c"):
        sent, written = recorded.of(scope), [t for t, s in writes if s == scope]
        assert sent and max(sent) >= max(written)  # the last write is always poked
        assert all(any(e >= w for e in sent) for w in written)  # and every one
        assert len(sent) <= took / 0.04 + 2 < len(written)  # one a scope an interval, and the first at once


def test_replies_pushed_together_poke_an_open_app_a_few_times_and_the_last_reaches_her(app, demo, as_user,
                                                                                      monkeypatch):
    """Through the server: 20 replies in one network, each its own push, in quick succession."""
    emitted: list[tuple[float, str]] = []
    asked: list[tuple[float, str]] = []
    coalescer = pokes.coalescer
    emit, poke = coalescer._emit, coalescer.poke
    monkeypatch.setattr(coalescer, "_emit", lambda scope: (emitted.append((time.monotonic(), scope)), emit(scope)))
    monkeypatch.setattr(coalescer, "poke", lambda scope: (asked.append((time.monotonic(), scope)), poke(scope)))
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    math, thread = f"network:{network_id(MATH)}", a_thread_in(MATH)
    socket = socketio.test_client(app, flask_test_client=jan.http)
    socket.get_received()
    emitted.clear()  # signing in and the demo poked before her app was there to hear it
    try:
        start = time.monotonic()
        for i in range(20):
            assert first_outcome(anna.push(reply(thread, f"Odpowiedź {i}"))) == "applied"
        took = time.monotonic() - start
        heard = []
        deadline = time.monotonic() + WAIT
        while math in coalescer._waiting or len(heard) < len([e for e in emitted if e[1] == math]):
            assert time.monotonic() < deadline, f"heard {len(heard)} of {len(emitted)} pokes; due {coalescer._waiting}"
            heard += [e["args"][0] for e in socket.get_received() if e["args"][0] == {"scope": math}]
            time.sleep(0.02)
        sent = [t for t, s in emitted if s == math]
        # One a quarter second at most, the first at once (20 pushes take a second or so; on a machine
        # so loaded that they come a quarter second apart, each has its own)
        assert 1 <= len(sent) <= min(20, took / pokes.INTERVAL_S + 2), f"{len(sent)} pokes for 20 replies in {took:.2f} s"
        assert max(sent) >= max(t for t, s in asked if s == math)  # sent after the last reply's commit
        assert len(heard) == len(sent)
        bodies = {p["body"] for p in jan.rows("post").values()}
        assert {f"Odpowiedź {i}" for i in range(20)} <= bodies
    finally:
        socket.disconnect()
