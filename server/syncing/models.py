"""Open live connections, so access changes can move them between rooms in any process."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, utcnow


class LiveConnection(Base):
    __tablename__ = "live_connection"

    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), index=True)
    session_id: Mapped[str | None] = mapped_column(String(36), index=True)  # her user_session it came with
    connected_at: Mapped[datetime] = mapped_column(default=utcnow)
