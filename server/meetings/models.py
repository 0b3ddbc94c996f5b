"""Meetings of a network, the answers to "will you come?", and who attended for how long."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, utcnow

STATUSES = ("planned", "cancelled")
ANSWERS = ("yes", "no", "maybe")


class Meeting(Base):
    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_network_starts", "network_id", "starts_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id", name="fk_meeting_network_id"))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]  # UTC; shown in Europe/Warsaw
    ends_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(String(300))
    agenda: Mapped[list[dict]] = mapped_column(JSON, default=list)  # [{time: "HH:MM"|null, topic, who}]
    links: Mapped[list[dict]] = mapped_column(JSON, default=list)  # [{title, url}]
    online_url: Mapped[str | None] = mapped_column(String(2000))
    status: Mapped[str] = mapped_column(String(16), default="planned")
    expert_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    code: Mapped[str] = mapped_column(String(6))  # self check-in; only its managers see it (meeting_code)
    sequence: Mapped[int] = mapped_column(Integer, default=0)  # +1 per change, for calendars (SEQUENCE)
    created_by: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_meeting_created_by"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None]

    @property
    def hours(self) -> Decimal:
        """Its length in hours, to the nearest quarter: what attending it counts for."""
        quarters = round((self.ends_at - self.starts_at).total_seconds() / 900)
        return Decimal(quarters) / 4


class Rsvp(Base):
    """Her answer to a meeting; one per person, the latest kept."""

    __tablename__ = "meeting_rsvp"

    id: Mapped[str] = mapped_column(String(73), primary_key=True)  # "<meeting_id>:<user_id>"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id", name="fk_meeting_rsvp_meeting_id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_meeting_rsvp_user_id"))
    answer: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Attendance(Base):
    """Whether she was there, as the last mark made (by its device time) says, and her hours."""

    __tablename__ = "attendance"

    id: Mapped[str] = mapped_column(String(73), primary_key=True)  # "<meeting_id>:<user_id>"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id", name="fk_attendance_meeting_id"), index=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id", name="fk_attendance_network_id"))
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_attendance_user_id"), index=True)
    present: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime | None]  # the device's time of the mark that holds; null: only hours were set
    checked_in: Mapped[bool] = mapped_column(Boolean, default=False)  # that mark was her own check-in
    hours_override: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))  # the coordinator's correction
    marked_by: Mapped[str | None] = mapped_column(ForeignKey("user_account.id", name="fk_attendance_marked_by"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    def hours(self, meeting: Meeting) -> Decimal:
        if self.hours_override is not None:
            return self.hours_override
        return meeting.hours if self.present else Decimal(0)


def pair_id(meeting_id: str, user_id: str) -> str:
    return f"{meeting_id}:{user_id}"
