"""One open document in this process: its content as the store holds it, who is in it, their presence."""
from __future__ import annotations

import threading
from dataclasses import dataclass

from pycrdt import get_state, get_update

from sync.docs.framing import Presence
from sync.docs.store import merge


@dataclass(frozen=True)
class Member:
    user_id: str
    read_only: bool


@dataclass(frozen=True)
class Seen:
    """A client's latest awareness entry, and which connection sent it."""

    sid: str
    presence: Presence


class Room:
    """The document is kept as Yjs updates, not as a live Yjs document: Yrs leaves an update
    whose dependencies have not arrived (pending) out of what a document encodes, and updates
    can arrive out of causal order (one client's messages are handled concurrently; another
    process stores its own). Merged updates keep every struct, so an answer never drops one."""

    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        self.seq = 0  # every stored update up to this one is held here
        self._merged = merge([])
        self._recent: list[bytes] = []  # merged in when someone asks (a join), not per keystroke
        self.members: dict[str, Member] = {}  # connection id → who
        self.presence: dict[int, Seen] = {}  # awareness client id → its entry
        self.lock = threading.RLock()

    def absorb(self, entries: list[tuple[int, bytes]]) -> None:
        """Take stored (seq, update) entries this room does not hold yet."""
        with self.lock:
            for seq, data in entries:
                if seq > self.seq:
                    self._recent.append(data)
                    self.seq = seq

    def update(self) -> bytes:
        """The whole document as one update."""
        with self.lock:
            if self._recent:
                self._merged = merge([self._merged, *self._recent])
                self._recent = []
            return self._merged

    def state(self) -> bytes:
        return get_state(self.update())

    def missing(self, state_vector: bytes) -> bytes:
        """What a client holding ``state_vector`` lacks (ValueError for a broken state vector)."""
        return get_update(self.update(), state_vector)

    def see(self, sid: str, entries: list[Presence]) -> None:
        """Remember the newest awareness entry of each client (as y-protocols' clock rule says)."""
        with self.lock:
            for entry in entries:
                known = self.presence.get(entry.client_id)
                if known is not None and known.presence.clock > entry.clock:
                    continue
                if entry.gone:
                    self.presence.pop(entry.client_id, None)
                else:
                    self.presence[entry.client_id] = Seen(sid, entry)

    def states(self) -> list[Presence]:
        with self.lock:
            return [seen.presence for seen in self.presence.values()]

    def forget(self, sid: str) -> list[Presence]:
        """Drop a connection and its clients' presence; the entries that tell others they left
        (same clock, state null: y-protocols removes a state on that)."""
        with self.lock:
            self.members.pop(sid, None)
            gone = [cid for cid, seen in self.presence.items() if seen.sid == sid]
            return [Presence(cid, self.presence.pop(cid).presence.clock, "null") for cid in gone]
