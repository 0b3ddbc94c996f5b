"""What meetings tell the engine: meetings, answers, attendance and check-in codes on devices,
their mutators; meetings as holders of files (the materials); and letters when one moves."""
from __future__ import annotations

from sqlalchemy.orm import object_session
from sync import Registry

from server.db import iso
from server.files import holders
from server.meetings import attendance, letters, rights, schemas, services
from server.meetings.models import Attendance, Meeting, Rsvp


def serialize_meeting(m: Meeting) -> dict:
    return {
        "id": m.id,
        "network_id": m.network_id,
        "title": m.title,
        "starts_at": iso(m.starts_at),
        "ends_at": iso(m.ends_at),
        "place": m.place,
        "agenda": [dict(item) for item in m.agenda or []],
        "links": [dict(link) for link in m.links or []],
        "online_url": m.online_url,
        "status": m.status,
        "expert_ids": list(m.expert_ids or []),
        "created_by": m.created_by,
        "created_at": iso(m.created_at),
        "edited_at": iso(m.edited_at),
    }


def serialize_code(m: Meeting) -> dict:
    return {"id": m.id, "meeting_id": m.id, "code": m.code}


def serialize_rsvp(r: Rsvp) -> dict:
    return {"id": r.id, "meeting_id": r.meeting_id, "user_id": r.user_id, "answer": r.answer, "at": iso(r.at)}


def serialize_attendance(a: Attendance) -> dict:
    meeting = object_session(a).get(Meeting, a.meeting_id)
    return {
        "id": a.id,
        "meeting_id": a.meeting_id,
        "network_id": a.network_id,
        "user_id": a.user_id,
        "present": a.present,
        "at": iso(a.at),
        "hours": float(a.hours(meeting)),
        "hours_corrected": a.hours_override is not None,
        "checked_in": a.checked_in,
    }


def _may_attach(ctx, meeting: Meeting) -> None:
    """A meeting's materials are added by those who plan it."""
    rights.require_manager(ctx, meeting.network_id)
    rights.require_planned(meeting)


def register(registry: Registry) -> None:
    registry.row_type("meeting", serialize_meeting)
    registry.row_type("meeting_code", serialize_code, model=Meeting)
    registry.row_type("rsvp", serialize_rsvp)
    registry.row_type("attendance", serialize_attendance)
    registry.mutator("meeting.create", schemas.MeetingCreate())(services.create)
    registry.mutator("meeting.update", schemas.MeetingUpdate())(services.update)
    registry.mutator("meeting.cancel", schemas.MeetingRef())(services.cancel)
    registry.mutator("meeting.rsvp", schemas.MeetingRsvp())(services.rsvp)
    registry.mutator("attendance.set", schemas.AttendanceSet())(attendance.set_)
    registry.mutator("attendance.hours", schemas.AttendanceHours())(attendance.hours)
    registry.mutator("attendance.check_in", schemas.CheckIn())(attendance.check_in)
    holders.add(holders.Holder("meeting_id", Meeting, "Nie ma takiego spotkania.", may_attach=_may_attach))
    services.changed.connect(letters.changed)  # a meeting moved or cancelled: the network hears by letter
