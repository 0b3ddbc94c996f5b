"""Which meetings a calendar shows and how it reads them: her feed, one meeting, a letter's file.

calendar.py builds the iCalendar text from plain values; this module finds the meetings
(in the database) and the words around them (the network's name, the link into Krąg).
"""
from __future__ import annotations

from flask import current_app
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from server.accounts.models import User
from server.db import utcnow
from server.mail import Attachment
from server.meetings import calendar
from server.meetings.models import Meeting
from server.networks.models import Membership, Network

FEED_NAME = "Krąg — spotkania sieci"


def link(meeting_id: str) -> str:
    """The meeting's screen in the PWA."""
    return f"{current_app.config['BASE_URL']}/#/m/{meeting_id}"


def entry(m: Meeting, network_name: str) -> calendar.Entry:
    return calendar.Entry(
        id=m.id, title=m.title, starts_at=m.starts_at, ends_at=m.ends_at, place=m.place,
        network_name=network_name, status=m.status, sequence=m.sequence or 0,
        changed_at=m.edited_at or m.created_at, agenda=tuple(m.agenda or ()), links=tuple(m.links or ()),
        online_url=m.online_url, url=link(m.id),
    )


def _her_networks(user_id: str):
    """Networks she is active in now (an expert until her last day): what her devices hold."""
    return select(Membership.network_id).where(
        Membership.user_id == user_id, Membership.status == "active",
        or_(Membership.expires_at.is_(None), Membership.expires_at > utcnow()),
    )


def feed(session: Session, user: User) -> bytes:
    """Every meeting of her networks, past and planned, cancelled ones marked so."""
    rows = session.execute(
        select(Meeting, Network.name).join(Network, Network.id == Meeting.network_id)
        .where(Meeting.network_id.in_(_her_networks(user.id))).order_by(Meeting.starts_at, Meeting.id)
    ).all()
    return calendar.calendar([entry(m, name) for m, name in rows], name=FEED_NAME)


def sees(session: Session, user: User, m: Meeting) -> bool:
    """Who holds the meeting's row: its network's active people and the Poradnia's administrators."""
    if user.is_staff and user.is_admin:
        return True
    return session.scalar(_her_networks(user.id).where(Membership.network_id == m.network_id)) is not None


def one(session: Session, m: Meeting, method: str | None = None) -> bytes:
    network = session.get(Network, m.network_id)
    return calendar.calendar([entry(m, network.name)], method=method)


def attachment(session: Session, m: Meeting) -> Attachment:
    """The .ics a letter carries: METHOD:PUBLISH, so a calendar app adds or updates the event."""
    return Attachment("spotkanie.ics", "text/calendar; method=PUBLISH", one(session, m, "PUBLISH").decode())
