"""The certificates' mutators: `certificate.issue` keeps what the paper says and gives it a number
and a verification code; `certificate.revoke` marks it revoked, and its page then says so."""
from __future__ import annotations

import secrets
from decimal import Decimal

from sqlalchemy import func, select
from sync import Rejected
from sync.context import MutationContext

from server.accounts import audit
from server.accounts.rights import actor
from server.db import new_id, utcnow
from server.meetings.models import Meeting
from server.networks import rights
from server.networks.models import Membership
from server.org.models import Poradnia
from server.reports.gather import hours_at, meetings_of, people
from server.reports.models import Certificate
from server.reports.period import WARSAW, SchoolYear
from server.scopes import ADMINS, managers_scope, user_scope

STAFF_ONLY = "Zaświadczenie innej osoby może wystawić tylko pracownik poradni."
NOT_MEMBER = "Zaświadczenie wystawia się uczestnikom sieci, a ta osoba nie jest jej uczestnikiem."
REVOKE_STAFF_ONLY = "Zaświadczenie może unieważnić tylko pracownik poradni."
NOT_FOUND = "Nie ma takiego zaświadczenia."


def publish(ctx: MutationContext, c: Certificate) -> None:
    ctx.put("certificate", c, [user_scope(c.user_id), managers_scope(c.network_id), ADMINS])


def current(session, network_id: str, year: SchoolYear, user_id: str) -> Certificate | None:
    """Her certificate for that network and year that still holds (not revoked)."""
    return session.scalars(select(Certificate).where(
        Certificate.network_id == network_id, Certificate.school_year == year.label,
        Certificate.user_id == user_id, Certificate.revoked_at.is_(None))).first()


def _held(session, network_id: str, year: SchoolYear, now) -> list[Meeting]:
    """The network's meetings of the year held by now (not cancelled), oldest first."""
    return [m for m in meetings_of(session, [network_id], year) if m.status != "cancelled" and m.ends_at <= now]


def held_hours(session, network_id: str, year: SchoolYear, now) -> dict[str, dict[str, Decimal]]:
    """Everyone's hours at the meetings held: user → meeting → hours (> 0 only)."""
    return hours_at(session, _held(session, network_id, year, now))


def attended(session, network_id: str, year: SchoolYear, user_id: str, now) -> list[tuple[Meeting, Decimal]]:
    """The meetings she was at (held, not cancelled) and the hours each counts for, oldest first."""
    held = _held(session, network_id, year, now)
    theirs = hours_at(session, held).get(user_id, {})
    return [(m, theirs[m.id]) for m in held if m.id in theirs]


def _participant(ctx: MutationContext, network_id: str, user_id: str) -> bool:
    """A member of the network, now or earlier in the year (she may have left since)."""
    m = rights.membership(ctx, network_id, user_id)
    return m is not None and m.role == "member" and m.status in ("active", "left", "removed")


def issue(ctx: MutationContext, args: dict) -> None:
    network_id, year = str(args["network_id"]), SchoolYear(args["year"])
    net = rights.network(ctx, network_id)
    user_id = str(args["user_id"] or ctx.user_id)
    if user_id != ctx.user_id and not actor(ctx).is_staff:
        raise Rejected("forbidden", STAFF_ONLY)
    if not _participant(ctx, network_id, user_id):
        if user_id == ctx.user_id:
            raise Rejected("forbidden", NOT_MEMBER)
        raise Rejected("invalid", "Niepoprawne dane.", {"user_id": [NOT_MEMBER]})
    if current(ctx.session, network_id, year, user_id) is not None:
        return  # issued already: the same paper again (a device that pushed twice, or asked again)
    now = utcnow()
    meetings = attended(ctx.session, network_id, year, user_id, now)
    if not meetings:
        whose = "Twoją obecność" if user_id == ctx.user_id else "obecność tej osoby"
        raise Rejected("nothing_attended", f"W roku szkolnym {year.label} nie ma jeszcze spotkań tej sieci, na których "
                                           f"odnotowano {whose} — nie ma czego poświadczyć.")
    ctx.session.scalars(select(Poradnia).with_for_update()).first()  # numbers are given one at a time
    seq = (ctx.session.scalar(select(func.max(Certificate.seq)).where(Certificate.school_year == year.label)) or 0) + 1
    coordinators = ctx.session.scalars(select(Membership.user_id).where(
        Membership.network_id == network_id, Membership.role == "coordinator", Membership.status == "active")).all()
    known = people(ctx.session, [user_id, *coordinators])
    publish(ctx, Certificate(
        id=new_id(), network_id=network_id, user_id=user_id, school_year=year.label, seq=seq,
        code=secrets.token_urlsafe(9), name=known[user_id].name, school=known[user_id].school,
        network_name=net.name, coordinator=", ".join(sorted(known[c].name for c in coordinators if c in known)),
        meetings=[{"date": m.starts_at.astimezone(WARSAW).date().isoformat(), "title": m.title, "hours": float(h)}
                  for m, h in meetings],
        hours=sum((h for _m, h in meetings), Decimal(0)), issued_by=ctx.user_id, issued_at=now,
    ))


def revoke(ctx: MutationContext, args: dict) -> None:
    if not actor(ctx).is_staff:
        raise Rejected("forbidden", REVOKE_STAFF_ONLY)
    c = ctx.session.get(Certificate, str(args["id"]), with_for_update=True)
    if c is None:
        raise Rejected("not_found", NOT_FOUND)
    if c.revoked_at is not None:
        return  # revoked already
    c.revoked_at, c.revoked_by, c.revoked_reason = utcnow(), ctx.user_id, args["reason"] or None
    publish(ctx, c)
    audit.record(ctx, "certificate.revoked", c.user_id, network_id=c.network_id, target_id=c.id)
