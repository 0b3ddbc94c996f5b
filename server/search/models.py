"""One searchable document per thread title, post and good practice, in folded Polish."""
from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base


class SearchDoc(Base):
    __tablename__ = "search_doc"
    __table_args__ = (UniqueConstraint("kind", "row_id", name="uq_search_doc_kind_row_id"),)

    # SQLite's FTS5 table and PostgreSQL's tsvector column are keyed by this number.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # "thread" | "post" | "resource"
    row_id: Mapped[str] = mapped_column(String(36))
    network_id: Mapped[str] = mapped_column(String(36), index=True)
    thread_id: Mapped[str | None] = mapped_column(String(36))
    text: Mapped[str] = mapped_column(Text)  # as written, for snippets


class SearchCursor(Base):
    """How far the index has read each network scope of the change log."""

    __tablename__ = "search_cursor"

    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
