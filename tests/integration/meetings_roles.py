"""The meetings' cells of docs/roles.md: what each action does for tests/integration/test_roles.py."""
from __future__ import annotations

import uuid
from datetime import timedelta

from tests.integration.files_helpers import pdf, put, sha
from tests.integration.meetings_helpers import code_of, meeting_args, now, outcome, planned, stamp, as_coordinator


def _meeting(w, starts=None) -> str:
    return planned(w.users["coordinator"], w.network_id, starts)


def _someone_else(role: str) -> str:
    return "member" if role != "member" else "expert"


def _attendance_of(w, role: str) -> str:
    meeting_id = _meeting(w)
    as_coordinator(w.users["coordinator"], "attendance.set", {
        "meeting_id": meeting_id, "user_id": w.users[role], "present": True, "at": stamp(now())})
    return f"{meeting_id}:{w.users[role]}"


def _seen(client, type_: str, row_id: str) -> str:
    return "applied" if row_id in client.rows(type_) else "forbidden"


def _check_in(c, w) -> str:
    meeting_id = _meeting(w, now() + timedelta(minutes=10))
    return outcome(c, "attendance.check_in", {"meeting_id": meeting_id, "code": code_of(meeting_id), "at": stamp(now())})


def _attach(c, w) -> str:
    data = pdf()
    put(c, data)
    return outcome(c, "attachment.add", {"id": str(uuid.uuid4()), "meeting_id": _meeting(w), "sha256": sha(data),
                                         "name": "prezentacja.pdf"})


ACTIONS = {
    "`meeting.create`": lambda c, w, r: outcome(c, "meeting.create", meeting_args(w.network_id)),
    "`meeting.update`": lambda c, w, r: outcome(c, "meeting.update", {"id": _meeting(w), "title": "Nowy tytuł"}),
    "`meeting.cancel`": lambda c, w, r: outcome(c, "meeting.cancel", {"id": _meeting(w)}),
    "`meeting.rsvp`": lambda c, w, r: outcome(c, "meeting.rsvp", {"meeting_id": _meeting(w), "answer": "yes"}),
    "`attendance.set` (a member's)": lambda c, w, r: outcome(c, "attendance.set", {
        "meeting_id": _meeting(w), "user_id": w.users["member"], "present": True, "at": stamp(now())}),
    "`attendance.hours` (a member's)": lambda c, w, r: outcome(c, "attendance.hours", {
        "meeting_id": _meeting(w), "user_id": w.users["member"], "hours": 1.5}),
    "`attendance.check_in` (herself, with the code)": lambda c, w, r: _check_in(c, w),
    "`attachment.add` (to a meeting)": lambda c, w, r: _attach(c, w),
    "read the network's meetings (pull)": lambda c, w, r: _seen(c, "meeting", _meeting(w)),
    "read her own attendance (pull)": lambda c, w, r: _seen(c, "attendance", _attendance_of(w, r))
    if r in ("coordinator", "member", "expert", "signed_out") else "not_found",  # she has none: not in the network
    "read someone else's attendance (pull)": lambda c, w, r: _seen(c, "attendance", _attendance_of(w, _someone_else(r))),
    "read a meeting's check-in code (pull)": lambda c, w, r: _seen(c, "meeting_code", _meeting(w)),
}
