"""The engine's own tables: clients, scope counters and the row log."""
from __future__ import annotations

from sqlalchemy import BigInteger, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class SyncBase(DeclarativeBase):
    pass


class SyncClient(SyncBase):
    """One device installation of one user, and the last mutation it had applied."""

    __tablename__ = "sync_client"

    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), index=True)
    last_mutation_id: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncScope(SyncBase):
    """A scope's version counter; its row lock orders the scope's commits."""

    __tablename__ = "sync_scope"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncRow(SyncBase):
    """The newest state of one row as seen through one scope."""

    __tablename__ = "sync_row"

    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    type: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(100), primary_key=True)  # room for composite ids
    version: Mapped[int] = mapped_column(BigInteger)
    op: Mapped[str] = mapped_column(String(8))  # "put" | "delete"
    data: Mapped[str | None] = mapped_column(Text)  # JSON, null for deletes
    stamp: Mapped[int | None] = mapped_column(BigInteger)  # seconds since 1970, for windowed devices
    owner: Mapped[str | None] = mapped_column(String(64))  # whose row it is: always kept for her

    __table_args__ = (Index("ix_sync_row_scope_version", "scope", "version", unique=True),)



class SyncRejection(SyncBase):
    """Why a mutation was refused, so a repeated push can tell the device again."""

    __tablename__ = "sync_rejection"

    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    mutation_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    error: Mapped[str] = mapped_column(Text)  # JSON {"code", "message", "fields"?}
