"""Meetings for calendar apps: her private feed (by its secret, no session: a calendar app
has no cookie) and one meeting's .ics (signed in, for whoever holds the meeting)."""
from __future__ import annotations

from flask import Blueprint, Response
from sqlalchemy import select

from server.accounts.auth import current_user_id, login_required
from server.accounts.models import User
from server.errors import ApiError
from server.extensions import db
from server.meetings import ics
from server.meetings.calendar import CONTENT_TYPE
from server.meetings.models import Meeting

bp = Blueprint("meetings_calendar", __name__)
NO_FEED = "Nie ma takiego kalendarza. Jeśli adres zmieniono, skopiuj nowy w Kręgu."
NO_MEETING = "Nie ma takiego spotkania."


def _ics(body: bytes, filename: str | None = None) -> Response:
    response = Response(body, content_type=CONTENT_TYPE)
    response.headers["Cache-Control"] = "private, no-cache"  # a calendar app asks again; nobody keeps a copy
    if filename:
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/calendar/<token>.ics")
def feed(token: str):
    db.read_only()  # a GET: it must not take SQLite's write lock
    user = db.session.scalars(select(User).where(User.calendar_token == token)).first() if token else None
    if user is None:
        raise ApiError(404, "not_found", NO_FEED)
    body = ics.feed(db.session, user)
    db.session.rollback()
    return _ics(body)


@bp.get("/api/meetings/<uuid:meeting_id>.ics")
@login_required
def one(meeting_id):
    db.read_only()
    user = db.session.get(User, current_user_id())
    meeting = db.session.get(Meeting, str(meeting_id))
    if user is None or meeting is None or not ics.sees(db.session, user, meeting):
        raise ApiError(404, "not_found", NO_MEETING)  # the same answer whether it exists or not
    body = ics.one(db.session, meeting)
    db.session.rollback()
    return _ics(body, "spotkanie.ics")
