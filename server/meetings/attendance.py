"""Attendance: marks by the coordinator (on any of her devices, offline), hours, self check-in.

Two devices may take the same list offline and sync in any order: for each person the mark
made last by its device time (`at`) holds. A mark older than the one stored is applied as a
no-op, so the answer is the same whichever device pushes first. At the very same `at`,
"present" wins: two marks of one instant agree on one answer, whatever the order.
"""
from __future__ import annotations

import secrets

from sqlalchemy import select
from sync import Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.meetings import publish, rights, schemas
from server.meetings.models import Attendance, Meeting, pair_id
from server.networks import rights as network_rights

NOT_MEMBER = "Ta osoba nie należy do sieci."
WRONG_CODE = "Nieprawidłowy kod. Sprawdź go na ekranie koordynatora i wpisz jeszcze raz."
OUTSIDE = ("Można się zapisać od 30 minut przed początkiem spotkania do jego końca. "
           "Ten kod jest już nieważny albo jeszcze nieważny.")


def _row(ctx: MutationContext, m: Meeting, user_id: str) -> Attendance:
    row_id = pair_id(m.id, user_id)
    return ctx.session.get(Attendance, row_id, with_for_update=True) or Attendance(
        id=row_id, meeting_id=m.id, network_id=m.network_id, user_id=user_id, present=False, checked_in=False)


def _wins(row: Attendance, present: bool, at) -> bool:
    """Does a mark made at ``at`` replace the one the row holds? The later one wins; a tie goes to present."""
    if row.at is None or at > row.at:
        return True
    return at == row.at and present and not row.present


def _mark(ctx: MutationContext, m: Meeting, user_id: str, present: bool, at, checked_in: bool) -> None:
    row = _row(ctx, m, user_id)
    if not _wins(row, present, at):
        return  # a later mark is already in: this one changes nothing
    row.present, row.at, row.checked_in = present, at, checked_in
    row.marked_by, row.updated_at = ctx.user_id, utcnow()
    publish.attendance(ctx, row)


def _in_network(ctx: MutationContext, network_id: str, user_id: str) -> None:
    """Attendance is kept for people of the network: active members, coordinators and experts
    (an expert also after her last day, for the meetings she came to)."""
    m = network_rights.membership(ctx, network_id, user_id)
    if not (network_rights.is_active(m) or (m is not None and m.role == "expert" and m.status == "active")):
        raise Rejected("invalid", "Niepoprawne dane.", {"user_id": [NOT_MEMBER]})


def _managed(ctx: MutationContext, args: dict) -> tuple[Meeting, str]:
    """The meeting and the person a manager's mark or correction is about, once both are checked."""
    m = rights.meeting(ctx, str(args["meeting_id"]), lock=True)
    rights.require_manager(ctx, m.network_id)
    rights.require_planned(m)
    user_id = str(args["user_id"])
    _in_network(ctx, m.network_id, user_id)
    return m, user_id


def set_(ctx: MutationContext, args: dict) -> None:
    m, user_id = _managed(ctx, args)
    _mark(ctx, m, user_id, args["present"], args["at"], checked_in=False)


def hours(ctx: MutationContext, args: dict) -> None:
    """The coordinator corrects someone's hours (she came late); null: back to the meeting's length."""
    m, user_id = _managed(ctx, args)
    row = _row(ctx, m, user_id)
    if row.hours_override == args["hours"] and row in ctx.session:
        return
    row.hours_override, row.updated_at = args["hours"], utcnow()
    publish.attendance(ctx, row)


def check_in(ctx: MutationContext, args: dict) -> None:
    """She marks herself present with the code on the coordinator's screen, during the meeting
    (from 30 minutes before it), also offline: `at` is when she did it, not when it arrived."""
    m = rights.meeting(ctx, str(args["meeting_id"]), lock=True)
    rights.require_participant(ctx, m.network_id)
    rights.require_planned(m)
    if not secrets.compare_digest(args["code"], m.code):
        raise Rejected("invalid", "Niepoprawne dane.", {"code": [WRONG_CODE]})
    at = args["at"]
    if not (m.starts_at - schemas.CHECK_IN_EARLY <= at <= m.ends_at) or at > utcnow() + schemas.CLOCK_SKEW:
        raise Rejected("outside_window", OUTSIDE)
    _mark(ctx, m, ctx.user_id, True, at, checked_in=True)


def republish(ctx: MutationContext, m: Meeting) -> None:
    """Its length changed: every row's hours follow (the corrected ones stay)."""
    for row in ctx.session.scalars(select(Attendance).where(Attendance.meeting_id == m.id)):
        publish.attendance(ctx, row)
