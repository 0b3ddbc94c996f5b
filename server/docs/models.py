"""Which open connection is in which document, so a process that takes her access away can
close her rooms in whichever process holds them."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, utcnow


class DocPresence(Base):
    __tablename__ = "doc_presence"

    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), index=True)
    read_only: Mapped[bool] = mapped_column(Boolean)  # as she joined: a change of rights closes the room
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
