"""A Yjs editor in Python (pycrdt) on a real server's live channel (python-socketio): what a
second kind of client, or the server's own tools, would speak. Waits on conditions."""
from __future__ import annotations

import threading

import engineio
import pycrdt
import requests
import socketio

from sync.docs import framing

WAIT = 20  # seconds: generous for a loaded 2-core machine; a condition ends each wait early


def clocks(state_vector: bytes) -> dict[int, int]:
    """A state vector as {client: clock}: Yrs and Yjs write its clients in different orders."""
    count, pos = framing.read_var_uint(state_vector, 0)
    found = {}
    for _ in range(count):
        client, pos = framing.read_var_uint(state_vector, pos)
        found[client], pos = framing.read_var_uint(state_vector, pos)
    return found


class _InOrder(engineio.Client):
    """python-engineio's client hands each message to a thread of its own, which can split a
    binary event from its bytes; a browser or Node reads them in order, and so does this one."""

    def _trigger_event(self, event, *args, **kwargs):
        kwargs["run_async"] = False
        return super()._trigger_event(event, *args, **kwargs)


class _Client(socketio.Client):
    def _engineio_client_class(self):
        return _InOrder


class PyEditor:
    def __init__(self, url: str, http: requests.Session, doc_id: str):
        self.doc_id = doc_id
        self.doc = pycrdt.Doc()
        self.doc["text"] = self.text = pycrdt.Text()
        self.unacked = 0
        self.synced = False
        self.refusals: list = []
        self.inbox = pycrdt.Doc().get_update()  # every update the server sent her, merged
        self.changed = threading.Condition()
        self.socket = _Client(http_session=http, reconnection=False)
        self._sending = threading.Lock()  # one message's header and bytes go out together
        self.socket.on("doc:message", self._message)
        self._origin_remote = False
        self.doc.observe(self._local_update)
        self.socket.connect(url, wait_timeout=WAIT)
        self.ack = self.socket.call("doc:join", {"doc": doc_id}, timeout=WAIT)
        if self.ack.get("ok"):
            self._send(framing.sync_step1(self.doc.get_state()))

    def _message(self, doc_id, payload):
        if doc_id != self.doc_id:
            return
        try:
            message = framing.decode(payload)
        except framing.FramingError as exc:
            self.refusals.append(f"unreadable {type(payload).__name__} {payload!r:.80}: {exc}")
            return
        if message.kind != framing.SYNC:
            return
        with self.changed:
            if message.step == framing.STEP1:
                self._send(framing.sync_step2(self.doc.get_update(message.payload)))
            else:
                # A pycrdt Doc handed updates out of causal order loses some of those it holds
                # aside (measured: 15 of 20 shuffles of 60 keystrokes), and relays do come out of
                # order. So she keeps all she received as one merged update and applies what
                # her document lacks of it: an update and its dependencies arrive together.
                self.inbox = pycrdt.merge_updates(self.inbox, message.payload)
                self._origin_remote = True
                try:
                    self.doc.apply_update(pycrdt.get_update(self.inbox, self.doc.get_state()))
                finally:
                    self._origin_remote = False
                self.synced = self.synced or message.step == framing.STEP2
            self.changed.notify_all()

    def _local_update(self, event) -> None:
        if not self._origin_remote:
            self._send(framing.update(event.update))

    def _send(self, message: bytes) -> None:
        with self.changed:
            self.unacked += 1
        with self._sending:
            self.socket.emit("doc:message", (self.doc_id, message), callback=self._acked)

    def _acked(self, ack) -> None:
        with self.changed:
            if ack != {"ok": True}:
                self.refusals.append(ack)
            self.unacked -= 1
            self.changed.notify_all()

    def insert(self, at: float, chars: str) -> None:
        with self.changed:
            self.text.insert(min(int(at * (len(self.text) + 1)), len(self.text)), chars)

    def holds(self, state_vector: bytes) -> bool:
        """Whether she has everything ``state_vector`` counts (clients may come in any order)."""
        have = clocks(self.doc.get_state())
        return all(have.get(client, 0) >= clock for client, clock in clocks(state_vector).items())

    def wait(self, state_vector: bytes | None = None) -> None:
        """Until every update of hers is stored and (given one) she holds that state."""
        with self.changed:
            assert self.changed.wait_for(lambda: self.synced and self.unacked == 0 and (
                state_vector is None or self.holds(state_vector)), WAIT), (
                f"the Python editor did not settle: synced {self.synced}, unacked {self.unacked}, {self.refusals}, "
                f"holds {clocks(self.doc.get_state())}, wanted {state_vector and clocks(state_vector)}")
            assert not self.refusals, self.refusals

    def __str__(self) -> str:
        with self.changed:
            return str(self.text)

    def close(self) -> None:
        self.socket.disconnect()
