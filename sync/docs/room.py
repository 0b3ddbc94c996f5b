"""One open document in this process: its Yjs document, who is in it, their presence."""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from pycrdt import Doc

from sync.docs.framing import Presence

log = logging.getLogger(__name__)


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
    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        self.doc = Doc(allow_multithreading=True)
        self.seq = 0  # every stored update up to this one is applied to ``doc``
        self.members: dict[str, Member] = {}  # connection id → who
        self.presence: dict[int, Seen] = {}  # awareness client id → its entry
        self.lock = threading.RLock()

    def absorb(self, entries: list[tuple[int, bytes]]) -> None:
        """Apply stored (seq, update) entries this room has not applied yet."""
        with self.lock:
            for seq, data in entries:
                if seq <= self.seq:
                    continue
                try:
                    self.doc.apply_update(data)
                except ValueError:  # checked before it was stored: a damaged row, not a reason to stop
                    log.error("document %s: stored update %d does not apply", self.doc_id, seq)
                self.seq = seq

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
