"""Reminders sent: one per meeting, person and start, so an hourly run never repeats a letter
and a meeting moved to another day gets a reminder of its new date."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, utcnow


class MeetingReminder(Base):
    __tablename__ = "meeting_reminder"

    meeting_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("meeting.id", name="fk_meeting_reminder_meeting_id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("user_account.id", name="fk_meeting_reminder_user_id"), primary_key=True)
    starts_at: Mapped[datetime] = mapped_column(primary_key=True)  # the start the letter named
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
