"""What a network's year holds, read once per report and shared by its sections: the meetings
held, who attended for how long, the people and their schools. Plain reads, no writes."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from server.accounts.models import User
from server.meetings.models import Attendance, Meeting
from server.networks.models import Membership
from server.org.models import Poradnia, School
from server.reports.sections import Subject


@dataclass
class Person:
    id: str
    name: str
    school: str  # "name, town", or "" when she named none


@dataclass
class Year:
    held: list[Meeting]  # not cancelled, ended by now, oldest first
    planned: list[Meeting]  # not cancelled, still to come
    cancelled: int
    hours: dict[str, dict[str, Decimal]]  # user → meeting → hours (only meetings held, only > 0)
    people: dict[str, Person]
    members: list[str]  # user ids: members now, and anyone who attended; by name
    coordinators: list[str]
    experts: list[str]
    extra: dict = field(default_factory=dict)

    def total(self, user_id: str) -> Decimal:
        return sum(self.hours.get(user_id, {}).values(), Decimal(0))


def people(session, user_ids) -> dict[str, Person]:
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    users = session.scalars(select(User).where(User.id.in_(ids))).all()
    school_ids = {u.school_id for u in users if u.school_id}
    schools = {s.id: s for s in session.scalars(select(School).where(School.id.in_(school_ids)))} if school_ids else {}

    def school(u: User) -> str:
        s = schools.get(u.school_id)
        return f"{s.name}, {s.town}" if s else ""

    return {u.id: Person(u.id, u.name, school(u)) for u in users}


def meetings_of(session, network_ids: list[str], year) -> list[Meeting]:
    return list(session.scalars(
        select(Meeting).where(Meeting.network_id.in_(network_ids), Meeting.starts_at >= year.begins,
                              Meeting.starts_at < year.ends).order_by(Meeting.starts_at)
    ))


def hours_at(session, meetings: list[Meeting]) -> dict[str, dict[str, Decimal]]:
    by_id = {m.id: m for m in meetings}
    found: dict[str, dict[str, Decimal]] = defaultdict(dict)
    if not by_id:
        return found
    for a in session.scalars(select(Attendance).where(Attendance.meeting_id.in_(list(by_id)))):
        counted = a.hours(by_id[a.meeting_id])
        if counted > 0:
            found[a.user_id][a.meeting_id] = counted
    return found


def year_of(subject: Subject) -> Year:
    """The network's year, read once for all its sections."""
    if "year" in subject.memo:
        return subject.memo["year"]
    session, network = subject.session, subject.network
    meetings = meetings_of(session, [network.id], subject.year)
    live = [m for m in meetings if m.status != "cancelled"]
    held = [m for m in live if m.ends_at <= subject.now]
    hours = hours_at(session, held)
    roles = session.scalars(select(Membership).where(Membership.network_id == network.id)).all()
    coordinators = [m.user_id for m in roles if m.role == "coordinator" and m.status == "active"]
    members = {m.user_id for m in roles if m.role == "member" and m.status == "active"} | set(hours)
    experts = {m.user_id for m in roles if m.role == "expert" and m.status == "active"}
    experts |= {e for m in held for e in (m.expert_ids or [])}
    experts -= members
    known = people(session, members | experts | set(coordinators))
    by_name = lambda ids: sorted((i for i in ids if i in known), key=lambda i: (known[i].name.lower(), i))  # noqa: E731
    subject.memo["year"] = Year(
        held=held, planned=[m for m in live if m.ends_at > subject.now],
        cancelled=len(meetings) - len(live), hours=hours, people=known, members=by_name(members),
        coordinators=by_name(coordinators), experts=by_name(experts),
    )
    return subject.memo["year"]


def letterhead(session) -> list[str]:
    """The Poradnia's name, address and e-mail, as the top of every page says."""
    p = session.scalars(select(Poradnia)).first()
    if p is None:
        return ["Poradnia Psychologiczno-Pedagogiczna"]
    return [p.name, p.address] + ([f"e-mail: {p.email}"] if p.email else [])


def poradnia(session) -> Poradnia | None:
    return session.scalars(select(Poradnia)).first()
