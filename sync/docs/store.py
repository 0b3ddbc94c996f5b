"""Append-only storage of a document's updates, compacted into a snapshot losing nothing.

Each call is its own transaction (as a push is): ``append`` commits before it returns, so
whoever acknowledges or relays an update does so only once it is in the database.
Numbers (``seq``) come from the document's counter row, raised under its row lock, so
within a document they are handed out in commit order: a reader that sees update n has
every update below n too, and catching up "after n" never skips one.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from pycrdt import Doc, merge_updates
from sqlalchemy import delete, insert, literal_column, select, union_all, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sync.docs.models import SyncDoc, SyncDocUpdate
from sync.reading import begin_read_only

log = logging.getLogger(__name__)
DOCS, UPDATES = SyncDoc.__table__, SyncDocUpdate.__table__


@dataclass(frozen=True)
class Appended:
    first: int  # the seq of the first update stored
    last: int  # and of the last
    snapshot_seq: int  # what the snapshot held then: last - snapshot_seq updates wait for compaction


class DocStore:
    def append(self, session: Session, doc_id: str, updates: list[bytes]) -> Appended:
        """Store ``updates`` (in order) and commit; their numbers."""
        if not updates:
            raise ValueError("nothing to append")
        session.rollback()  # its own transaction, never one begun (and stale) before it
        try:
            row = _count(session, doc_id, len(updates))
            if row is None:  # its first update: the counter row is made first (one statement less after)
                _ensure(session, doc_id)
                row = _count(session, doc_id, len(updates))
            first = row.seq - len(updates) + 1
            session.execute(insert(UPDATES), [{"doc_id": doc_id, "seq": first + i, "data": bytes(data)}
                                              for i, data in enumerate(updates)])
            session.commit()
        except BaseException:
            session.rollback()
            raise
        return Appended(first, row.seq, row.snapshot_seq)

    def since(self, session: Session, doc_id: str, after: int) -> list[tuple[int, bytes]]:
        """(seq, update) of everything stored after ``after``, in order: the snapshot first when
        it holds updates past ``after`` (their own rows are gone then), then the updates.
        One statement, so it sees one moment even while a compaction commits."""
        begin_read_only(session)
        try:
            return _entries(session, doc_id, after)
        finally:
            session.rollback()

    def state(self, session: Session, doc_id: str) -> tuple[bytes, int]:
        """The whole document as one update, and the seq it holds up to."""
        begin_read_only(session)
        try:
            return self.read(session, doc_id)
        finally:
            session.rollback()

    def read(self, session: Session, doc_id: str) -> tuple[bytes, int]:
        """As :meth:`state`, inside the caller's transaction (a mutation's: it neither begins
        nor ends one): what is committed when its one statement runs."""
        entries = _entries(session, doc_id, 0)
        return merge([data for _, data in entries]), (entries[-1][0] if entries else 0)

    def compact(self, session: Session, doc_id: str) -> bool:
        """Merge the snapshot and every update into a new snapshot; drop those updates.

        Under the counter's row lock: no update is numbered meanwhile, so none is dropped
        unmerged. Merging keeps every struct and deletion as sent (nothing is collected),
        so whatever an update held, the snapshot holds."""
        session.rollback()
        try:
            doc = session.execute(select(DOCS).where(DOCS.c.doc_id == doc_id).with_for_update()).one_or_none()
            if doc is None or doc.seq == doc.snapshot_seq:
                session.rollback()
                return False
            rows = session.scalars(select(UPDATES.c.data).where(
                UPDATES.c.doc_id == doc_id, UPDATES.c.seq <= doc.seq).order_by(UPDATES.c.seq)).all()
            parts = ([bytes(doc.snapshot)] if doc.snapshot is not None else []) + [bytes(r) for r in rows]
            session.execute(update(DOCS).where(DOCS.c.doc_id == doc_id).values(
                snapshot=merge(parts), snapshot_seq=doc.seq))
            session.execute(delete(UPDATES).where(UPDATES.c.doc_id == doc_id, UPDATES.c.seq <= doc.seq))
            session.commit()
        except BaseException:
            session.rollback()
            raise
        return True

    def pending(self, session: Session, doc_id: str) -> int:
        """How many updates wait outside the snapshot."""
        begin_read_only(session)
        try:
            row = session.execute(select(DOCS.c.seq, DOCS.c.snapshot_seq).where(DOCS.c.doc_id == doc_id)).one_or_none()
        finally:
            session.rollback()
        return 0 if row is None else row.seq - row.snapshot_seq


def _entries(session: Session, doc_id: str, after: int) -> list[tuple[int, bytes]]:
    snapshot = select(DOCS.c.snapshot_seq.label("seq"), DOCS.c.snapshot.label("data")).where(
        DOCS.c.doc_id == doc_id, DOCS.c.snapshot_seq > after, DOCS.c.snapshot.is_not(None))
    updates = select(UPDATES.c.seq, UPDATES.c.data).where(UPDATES.c.doc_id == doc_id, UPDATES.c.seq > after)
    rows = session.execute(union_all(snapshot, updates).order_by(literal_column("seq"))).all()
    return [(seq, bytes(data)) for seq, data in rows]


def merge(parts: list[bytes]) -> bytes:
    """One update holding all of ``parts``. Should one of them not decode (it was checked
    before it was stored, so this is a bug or a damaged row), the rest are kept and it is
    logged, rather than the whole document failing to open."""
    if not parts:
        return Doc().get_update()
    if len(parts) == 1:
        return parts[0]
    try:
        return merge_updates(*parts)
    except ValueError:
        good = [p for p in parts if _decodes(p)]
        log.error("dropped %d update(s) that do not decode while merging", len(parts) - len(good))
        return merge_updates(*good) if good else Doc().get_update()


def _decodes(update: bytes) -> bool:
    try:
        merge_updates(update, Doc().get_update())
        return True
    except ValueError:
        return False


def _count(session: Session, doc_id: str, n: int):
    """Raise the document's counter by ``n`` (taking its row lock): (seq, snapshot_seq), or None with no row yet."""
    return session.execute(update(DOCS).where(DOCS.c.doc_id == doc_id).values(seq=DOCS.c.seq + n)
                           .returning(DOCS.c.seq, DOCS.c.snapshot_seq)).one_or_none()


def _ensure(session: Session, doc_id: str) -> None:
    """The document's counter row, made by whoever writes first (a second writer waits, then skips)."""
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(make(DOCS).values(doc_id=doc_id, seq=0, snapshot_seq=0).on_conflict_do_nothing())
