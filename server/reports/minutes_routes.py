"""GET /api/meetings/<id>/minutes?format=pdf|docx: a meeting's minutes to download, for those
who may read the meeting — its network's active people (experts too, archived networks too)
and the Poradnia's staff. A GET only reads."""
from __future__ import annotations

from uuid import UUID

from flask import Blueprint, request
from sqlalchemy import select

from server.accounts.auth import current_user_id, login_required
from server.accounts.models import User
from server.errors import ApiError
from server.extensions import db
from server.meetings.models import Meeting
from server.networks.models import Membership
from server.networks.rights import is_active
from server.reports import minutes, schemas
from server.reports.routes import RENDER, _file

bp = Blueprint("minutes", __name__)
minutes_query = schemas.MinutesQuery()
NO_MEETING = "Nie ma takiego spotkania."
FORBIDDEN = "Protokół pobierają uczestnicy sieci, jej eksperci i koordynator oraz pracownicy poradni."


def may_read(user: User, m: Meeting) -> bool:
    if user.is_staff:
        return True
    found = db.session.scalars(select(Membership).where(Membership.network_id == m.network_id,
                                                        Membership.user_id == user.id)).first()
    return is_active(found)


@bp.get("/api/meetings/<uuid:meeting_id>/minutes")
@login_required
def download(meeting_id: UUID):
    args = minutes_query.load(request.args)
    db.read_only()
    user, meeting = db.session.get(User, current_user_id()), db.session.get(Meeting, str(meeting_id))
    if meeting is None:
        raise ApiError(404, "not_found", NO_MEETING)
    if user is None or not may_read(user, meeting):
        raise ApiError(403, "forbidden", FORBIDDEN)
    doc = minutes.build(db.session, meeting)
    db.session.rollback()
    response = _file(RENDER[args["format"]](doc), args["format"], doc.filename)
    response.headers["Cache-Control"] = "private, no-store"  # the minutes change while they are written
    return response
