"""What a person is told about: in the app always, by e-mail as she chooses."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, new_id, utcnow

EMAIL_MODES = ("immediate", "daily", "weekly", "never")
DEFAULT_EMAIL = "daily"  # until she chooses: one letter a day at most


class Notification(Base):
    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_user_created", "user_id", "created_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"))
    kind: Mapped[str] = mapped_column(String(16))
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"))
    thread_id: Mapped[str | None] = mapped_column(String(36))
    post_id: Mapped[str | None] = mapped_column(String(36))  # the latest one it tells of
    count: Mapped[int] = mapped_column(Integer, default=1)  # replies folded into it while unread
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    emailed_at: Mapped[datetime | None] = mapped_column(index=True)  # at once, or in a digest


class NotificationPref(Base):
    """Per network: e-mail at once, a daily or weekly digest, or never."""

    __tablename__ = "notification_pref"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"), index=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"))
    email: Mapped[str] = mapped_column(String(16), default=DEFAULT_EMAIL)
