"""Where meeting rows go: the one place that knows their scopes.

A meeting and the answers to it are the network's; the attendance list and the check-in
code are for those who manage it (its coordinators, the Poradnia's administrators), and
each person also holds her own attendance row.
"""
from __future__ import annotations

from sync.context import MutationContext

from server.meetings.models import Attendance, Meeting, Rsvp
from server.scopes import ADMINS, managers_scope, network_scope, user_scope


def meeting(ctx: MutationContext, m: Meeting) -> None:
    ctx.put("meeting", m, [network_scope(m.network_id), ADMINS])


def code(ctx: MutationContext, m: Meeting) -> None:
    ctx.put("meeting_code", m, [managers_scope(m.network_id), ADMINS])


def rsvp(ctx: MutationContext, r: Rsvp, network_id: str) -> None:
    ctx.put("rsvp", r, [network_scope(network_id)])


def attendance(ctx: MutationContext, a: Attendance) -> None:
    ctx.put("attendance", a, [managers_scope(a.network_id), ADMINS, user_scope(a.user_id)])
