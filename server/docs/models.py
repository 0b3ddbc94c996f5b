"""Which open connection is in which document, so a process that takes her access away can
close her rooms in whichever process holds them; documents' named versions."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, utcnow


class DocPresence(Base):
    __tablename__ = "doc_presence"

    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), index=True)
    read_only: Mapped[bool] = mapped_column(Boolean)  # as she joined: a change of rights closes the room
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)


class DocVersion(Base):
    """A named version: the whole document as the server held it when ``doc_version.create``
    ran (every stored update up to ``seq``, merged), with who named it and when. Kept for good:
    a version is how a network goes back, and restoring one is a new edit, not a rewind."""

    __tablename__ = "doc_version"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id", name="fk_doc_version_network_id"))
    name: Mapped[str] = mapped_column(String(80))
    created_by: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_doc_version_created_by"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    seq: Mapped[int] = mapped_column(BigInteger)  # the store's number of the last update it holds
    size: Mapped[int] = mapped_column(Integer)  # bytes of ``state``
    state: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # a Yjs update: the whole document
