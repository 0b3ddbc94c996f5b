"""The open documents of one process and what each message does to them.

Transport-neutral: every call answers an :class:`Outcome` (the acknowledgement, what to
send back to the sender, what to relay to the others in the room) and the server sends it
over Socket.IO or HTTP. The rule that matters: an update is stored (committed) before its
acknowledgement or relay exist. Rooms never answer from a stale copy: a join, a
SyncStep1 and every stored update first bring the room up to the store, so what another
process wrote is seen.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Mapping

from pycrdt import Doc, get_state, get_update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from sync.docs import framing
from sync.docs.kinds import DocKinds, UnknownDoc
from sync.docs.room import Member, Room
from sync.docs.store import DocStore, merge
from sync.reading import begin_read_only

log = logging.getLogger(__name__)
COMPACT_AFTER = 500  # updates outside the snapshot before they are merged into it
MESSAGES = {  # neutral words; the server hands its own (server/docs/messages.py)
    "invalid": "This is not a valid document message.",
    "forbidden": "You may not open this document.",
    "read_only": "You may only read this document.",
    "not_joined": "Join the document first.",
    "unavailable": "The document cannot be saved just now; try again.",
    "closed": "You no longer have access to this document.",
}


@dataclass
class Outcome:
    ack: dict
    to_sender: list[bytes] = field(default_factory=list)
    to_others: list[bytes] = field(default_factory=list)
    compact: bool = False  # the caller compacts (``Docs.compact``) once it has sent the rest

    @property
    def ok(self) -> bool:
        return "error" not in self.ack


OK = {"ok": True}


class Docs:
    def __init__(self, store: DocStore, kinds: DocKinds, messages: Mapping[str, str] | None = None,
                 compact_after: int = COMPACT_AFTER):
        self.store, self.kinds, self.compact_after = store, kinds, compact_after
        self.messages = {**MESSAGES, **(messages or {})}
        self.rooms: dict[str, Room] = {}
        self._lock = threading.Lock()

    def refusal(self, code: str) -> Outcome:
        return Outcome({"error": {"code": code, "message": self.messages[code]}})

    # --- joining and leaving -------------------------------------------------------------

    def access(self, session: Session, user_id: str, doc_id: object) -> str | None:
        """"edit", "read" or None; :class:`UnknownDoc` for an id of no kind. Reads only."""
        begin_read_only(session)
        try:
            return self.kinds.access(session, user_id, doc_id)  # type: ignore[arg-type]
        finally:
            session.rollback()

    def join(self, session: Session, sid: str, user_id: str, doc_id: object) -> Outcome:
        try:
            access = self.access(session, user_id, doc_id)
        except UnknownDoc:
            return self.refusal("invalid")
        if access is None:
            return self.refusal("forbidden")
        assert isinstance(doc_id, str)
        room = self._enter(doc_id, sid, Member(user_id, read_only=access != "edit"))
        try:
            self._catch_up(session, room)
        except SQLAlchemyError:
            log.exception("document %s: could not load it", doc_id)
            self.leave(session, sid, doc_id)
            return self.refusal("unavailable")
        # y-websocket's server on connect: its SyncStep1, then the presence it knows.
        to_sender = [framing.sync_step1(room.state())]
        if states := room.states():
            to_sender.append(framing.awareness(framing.encode_awareness(states)))
        return Outcome({"ok": True, "read_only": access != "edit"}, to_sender)

    def leave(self, session: Session, sid: str, doc_id: str) -> Outcome:
        """She leaves (or her connection went): others are told her clients are gone; the last
        one out compacts the document and frees the room."""
        with self._lock:
            room = self.rooms.get(doc_id)
            if room is None or sid not in room.members:
                return Outcome(OK)
            gone = room.forget(sid)
            emptied = not room.members
            if emptied:
                del self.rooms[doc_id]
        to_others = [framing.awareness(framing.encode_awareness(gone))] if gone else []
        return Outcome(OK, to_others=to_others, compact=emptied)

    def joined(self, sid: str) -> list[str]:
        with self._lock:
            return [doc_id for doc_id, room in self.rooms.items() if sid in room.members]

    def member(self, sid: str, doc_id: str) -> Member | None:
        room = self.rooms.get(doc_id)
        return room.members.get(sid) if room else None

    def _enter(self, doc_id: str, sid: str, member: Member) -> Room:
        with self._lock:  # entering under the lock: a room being freed is never re-entered
            room = self.rooms.get(doc_id)
            if room is None:
                room = self.rooms[doc_id] = Room(doc_id)
            room.members[sid] = member
            return room

    def _catch_up(self, session: Session, room: Room) -> None:
        with room.lock:
            room.absorb(self.store.since(session, room.doc_id, room.seq))

    # --- messages --------------------------------------------------------------------------

    def receive(self, session: Session, sid: str, doc_id: object, payload: object) -> Outcome:
        room = self.rooms.get(doc_id) if isinstance(doc_id, str) else None
        member = room.members.get(sid) if room else None
        if room is None or member is None:
            return self.refusal("not_joined")
        try:
            message = framing.decode(payload)  # type: ignore[arg-type]
        except framing.FramingError:
            return self.refusal("invalid")
        if message.kind == framing.SYNC and message.step == framing.STEP1:
            return self._answer_step1(session, room, message.payload)
        if message.kind == framing.SYNC:
            return self._update(session, room, member, message)
        if message.kind == framing.AWARENESS:
            try:
                room.see(sid, framing.decode_awareness(message.payload))
            except framing.FramingError:
                return self.refusal("invalid")
            return Outcome(OK, to_others=[framing.awareness(message.payload)])
        if message.kind == framing.QUERY_AWARENESS:
            return Outcome(OK, to_sender=[framing.awareness(framing.encode_awareness(room.states()))])
        return self.refusal("invalid")  # AUTH: y-websocket's permission message is the server's to send

    def _answer_step1(self, session: Session, room: Room, state_vector: bytes) -> Outcome:
        try:
            self._catch_up(session, room)
        except SQLAlchemyError:
            log.exception("document %s: could not catch up", room.doc_id)  # answer from what it has
        try:
            missing = room.missing(state_vector)
        except ValueError:
            return self.refusal("invalid")
        return Outcome(OK, to_sender=[framing.sync_step2(missing)])

    def _update(self, session: Session, room: Room, member: Member, message: framing.Message) -> Outcome:
        update = message.payload
        if update == framing.EMPTY_UPDATE:
            return Outcome(OK)
        if not _decodes(update):
            return self.refusal("invalid")
        if member.read_only:
            # Her SyncStep2 answers the server's SyncStep1 and may hold nothing new (say,
            # deletions the server has): that is no edit. Anything else is refused, unstored.
            if message.step == framing.STEP2 and not _changes(room, update):
                return Outcome(OK)
            return self.refusal("read_only")
        try:
            appended = self.store.append(session, room.doc_id, [update])
        except SQLAlchemyError:
            log.exception("document %s: could not store an update", room.doc_id)
            return self.refusal("unavailable")
        self._absorb_own(session, room, appended.first, [update])
        return Outcome(OK, to_others=[framing.update(update)],
                       compact=appended.last - appended.snapshot_seq >= self.compact_after)

    def _absorb_own(self, session: Session, room: Room, first: int, updates: list[bytes]) -> None:
        """Apply what was just stored; when others stored updates before it (another process,
        another thread), read those first, in their order."""
        with room.lock:
            if first == room.seq + 1:
                room.absorb([(first + i, u) for i, u in enumerate(updates)])
                return
            try:
                room.absorb(self.store.since(session, room.doc_id, room.seq))
            except SQLAlchemyError:
                log.exception("document %s: could not catch up (it will at the next message)", room.doc_id)

    def compact(self, session: Session, doc_id: str) -> bool:
        try:
            return self.store.compact(session, doc_id)
        except SQLAlchemyError:  # nothing lost: the updates stay until the next try
            log.exception("document %s: compaction failed", doc_id)
            return False

    # --- without a live connection ---------------------------------------------------------

    def exchange(self, session: Session, user_id: str, doc_id: object, state_vector: bytes | None,
                 updates: list[bytes]) -> tuple[Outcome, dict | None]:
        """The HTTP fallback: store her updates, answer what she is missing.

        Returns the outcome (``to_others``: what to relay to the room's live editors) and,
        when it went well, ``{"update", "state_vector", "read_only"}`` (bytes)."""
        try:
            access = self.access(session, user_id, doc_id)
        except UnknownDoc:
            return self.refusal("invalid"), None
        if access is None:
            return self.refusal("forbidden"), None
        assert isinstance(doc_id, str)
        updates = [u for u in updates if u != framing.EMPTY_UPDATE]
        if not all(_decodes(u) for u in updates) or (state_vector is not None and not _is_state_vector(state_vector)):
            return self.refusal("invalid"), None
        outcome = Outcome(OK)
        try:
            if updates and access != "edit":
                full, _ = self.store.state(session, doc_id)
                if any(_changes_update(full, u) for u in updates):
                    return self.refusal("read_only"), None
                updates = []
            if updates:
                appended = self.store.append(session, doc_id, updates)
                room = self.rooms.get(doc_id)
                if room is not None:
                    self._absorb_own(session, room, appended.first, updates)
                outcome.to_others = [framing.update(merge(updates))]
                outcome.compact = appended.last - appended.snapshot_seq >= self.compact_after
            full, _ = self.store.state(session, doc_id)
        except SQLAlchemyError:
            log.exception("document %s: HTTP sync failed", doc_id)
            return self.refusal("unavailable"), None
        missing = get_update(full, state_vector) if state_vector is not None else full
        return outcome, {"update": missing, "state_vector": get_state(full), "read_only": access != "edit"}


def _decodes(update: bytes) -> bool:
    try:
        get_state(update)
        return True
    except ValueError:
        return False


def _is_state_vector(state_vector: bytes) -> bool:
    try:
        get_update(Doc().get_update(), state_vector)
        return True
    except ValueError:
        return False


def _changes(room: Room, update: bytes) -> bool:
    return _changes_update(room.update(), update)


def _changes_update(current: bytes, update: bytes) -> bool:
    """Would ``update`` change a document holding ``current``? (On a scratch copy: Yrs tells
    a transaction's observers only when it changed something.)"""
    scratch = Doc()
    scratch.apply_update(current)
    changed: list[bool] = []
    subscription = scratch.observe(lambda _event: changed.append(True))
    try:
        scratch.apply_update(update)
    except ValueError:
        return True
    finally:
        scratch.unobserve(subscription)
    return bool(changed)
