"""The documents' tables: a counter and snapshot per document, and its updates since."""
from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class DocsBase(DeclarativeBase):
    pass


class SyncDoc(DocsBase):
    """One document. ``seq`` is the number of its latest update: raising it takes the row's
    lock, so numbers are handed out in commit order (as sync_scope's versions are)."""

    __tablename__ = "sync_doc"

    doc_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    snapshot: Mapped[bytes | None] = mapped_column(LargeBinary)  # every update up to snapshot_seq, merged
    snapshot_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncDocUpdate(DocsBase):
    """One Yjs update as a client sent it, kept until a snapshot holds it."""

    __tablename__ = "sync_doc_update"

    doc_id: Mapped[str] = mapped_column(ForeignKey("sync_doc.doc_id", name="fk_sync_doc_update_doc_id",
                                                   ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
