"""`krag meetings-remind`, run hourly from cron: a letter the day before each meeting.

To everyone in the network who said yes or maybe, or has not answered (not to those who
said no), with the meeting's .ics. The letter and its record in meeting_reminder are one
commit, and the record's key (meeting, person, start) is the table's: a second run, or two
at once, cannot send it again; a meeting moved to another start is a new reminder.
Neither table is one devices hold, so this writes without the sync engine.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.accounts.models import User
from server.db import utcnow
from server.mailqueue.services import outgoing
from server.meetings import ics, letters
from server.meetings.calendar import WARSAW
from server.meetings.models import Meeting, Rsvp
from server.meetings.reminder_model import MeetingReminder
from server.networks.models import Membership, Network

AHEAD = timedelta(hours=24)  # "the day before": whatever starts within the next day


def due(session: Session, now: datetime) -> list[Meeting]:
    return list(session.scalars(
        select(Meeting).where(Meeting.status == "planned", Meeting.starts_at > now, Meeting.starts_at <= now + AHEAD)
        .order_by(Meeting.starts_at, Meeting.id)
    ))


def _people(session: Session, m: Meeting, now: datetime) -> list[tuple[str, str]]:
    """(user id, e-mail) of who is in the network now (an expert until her last day), but for
    those who said no and those already reminded of this start."""
    said_no = select(Rsvp.user_id).where(Rsvp.meeting_id == m.id, Rsvp.answer == "no")
    reminded = select(MeetingReminder.user_id).where(
        MeetingReminder.meeting_id == m.id, MeetingReminder.starts_at == m.starts_at)
    return list(session.execute(
        select(User.id, User.email, User.lang).join(Membership, Membership.user_id == User.id).where(
            Membership.network_id == m.network_id, Membership.status == "active",
            or_(Membership.expires_at.is_(None), Membership.expires_at > now),
            User.id.not_in(said_no), User.id.not_in(reminded),
        ).order_by(User.email)
    ).all())


def remind(session: Session, now: datetime | None = None) -> int:
    """Queue the reminders due now; how many letters. One commit per meeting, so a meeting
    whose letters another run wrote first is skipped without losing the others."""
    now = now or utcnow()
    today = now.astimezone(WARSAW).date()
    count = 0
    for m in due(session, now):
        people = _people(session, m, now)
        if not people:
            continue
        network = session.get(Network, m.network_id)
        answers = {u: a for u, a in session.execute(select(Rsvp.user_id, Rsvp.answer).where(Rsvp.meeting_id == m.id))}
        ics_file = ics.attachment(session, m)
        for user_id, email, lang in people:
            session.add(outgoing(letters.reminder(m, network, ics_file, email, answers.get(user_id), today, lang)))
            session.add(MeetingReminder(meeting_id=m.id, user_id=user_id, starts_at=m.starts_at, sent_at=now))
        try:
            session.commit()
            count += len(people)
        except IntegrityError:  # another run reminded them at the same moment
            session.rollback()
    return count
