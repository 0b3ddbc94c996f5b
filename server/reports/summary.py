"""The Poradnia's summary of a school year, network by network: meetings held, participants,
their schools, hours. A few batched reads, whatever the number of networks."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import false, or_, select

from server.accounts.models import User
from server.db import utcnow
from server.meetings.models import Meeting
from server.networks.models import Membership, Network
from server.reports.document import Column, Document, Facts, Paragraph, Section, Table
from server.reports.gather import hours_at, letterhead
from server.reports.period import SchoolYear, day, hours

HEAD = ["Sieć", "Koordynator", "Spotkania", "Uczestnicy", "Szkoły", "Godziny"]


@dataclass
class Line:
    network: str
    coordinator: str
    meetings: int
    participants: set
    schools: set
    hours: Decimal


def lines(session, year: SchoolYear, now) -> list[Line]:
    """Networks of that school year, or holding meetings in it, by name."""
    meetings = [m for m in meetings_of_all(session, year) if m.status != "cancelled" and m.ends_at <= now]
    with_meetings = {m.network_id for m in meetings}
    networks = session.scalars(select(Network).where(
        or_(Network.school_year == year.label, Network.id.in_(with_meetings) if with_meetings else false())
    )).all()
    ids = [n.id for n in networks]
    roles = session.scalars(select(Membership).where(Membership.network_id.in_(ids), Membership.status == "active",
                                                      Membership.role == "coordinator")).all() if ids else []
    attended = hours_at(session, meetings)  # user → meeting → hours
    by_meeting = {m.id: m.network_id for m in meetings}
    users = {u.id: u for u in session.scalars(select(User).where(User.id.in_(
        list(set(attended) | {r.user_id for r in roles}))))} if (attended or roles) else {}
    out = {n.id: Line(n.name, ", ".join(sorted(users[r.user_id].name for r in roles
                                               if r.network_id == n.id and r.user_id in users)),
                      sum(1 for m in meetings if m.network_id == n.id), set(), set(), Decimal(0))
           for n in networks}
    for user_id, theirs in attended.items():
        for meeting_id, h in theirs.items():
            line = out[by_meeting[meeting_id]]
            line.participants.add(user_id)
            if user_id in users and users[user_id].school_id:
                line.schools.add(users[user_id].school_id)
            line.hours += h
    return sorted(out.values(), key=lambda line: line.network.lower())


def meetings_of_all(session, year: SchoolYear) -> list[Meeting]:
    return list(session.scalars(select(Meeting).where(Meeting.starts_at >= year.begins, Meeting.starts_at < year.ends)))


def _rows(found: list[Line]) -> list[list[str]]:
    return [[line.network, line.coordinator or "—", str(line.meetings), str(len(line.participants)),
             str(len(line.schools)), hours(line.hours)] for line in found]


def _totals(found: list[Line]) -> list[str]:
    people = set().union(*(line.participants for line in found)) if found else set()
    schools = set().union(*(line.schools for line in found)) if found else set()
    return ["Razem (osoby i szkoły liczone raz)", "", str(sum(line.meetings for line in found)), str(len(people)),
            str(len(schools)), hours(sum((line.hours for line in found), Decimal(0)))]


def build(session, year: SchoolYear, now=None) -> Document:
    now = now or utcnow()
    found = lines(session, year, now)
    totals = _totals(found)
    return Document(
        letterhead=letterhead(session),
        title=f"Zestawienie pracy sieci współpracy i samokształcenia w roku szkolnym {year.label}",
        subtitle=f"Stan na {day(now)}",
        sections=[
            Section("Podsumowanie", [Facts([("Sieci", str(len(found))), ("Spotkania odbyte", totals[2]),
                                            ("Uczestnicy (różne osoby)", totals[3]), ("Szkoły", totals[4]),
                                            ("Godziny udziału", totals[5])])]),
            Section("Sieci", [Table(
                [Column(HEAD[0], .30), Column(HEAD[1], .20), Column(HEAD[2], .13, "R"), Column(HEAD[3], .14, "R"),
                 Column(HEAD[4], .10, "R"), Column(HEAD[5], .13, "R")],
                _rows(found), empty="W tym roku szkolnym nie działała żadna sieć.", total=totals if found else None)]),
            Section("Uwagi", [Paragraph("Uczestnik to osoba obecna na co najmniej jednym spotkaniu; szkoły liczone "
                                        "według szkół uczestników. Godziny: suma godzin udziału wszystkich osób.")]),
        ],
        filename=f"zestawienie-sieci-{year.start}-{year.start + 1}",
    )


def as_csv(session, year: SchoolYear, now=None) -> bytes:
    """The same table for a spreadsheet: semicolons and a BOM, as Polish Excel opens it."""
    found = lines(session, year, now or utcnow())
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Rok szkolny"] + HEAD)
    for row in _rows(found):
        writer.writerow([year.label] + row)
    writer.writerow([year.label] + _totals(found))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
