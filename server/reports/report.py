"""The annual report of a network (sprawozdanie z pracy sieci): its sections, in a Poradnia's order."""
from __future__ import annotations

from sqlalchemy import func, select

from server.db import utcnow
from server.forum.models import Post, Thread
from server.library.models import Resource
from server.reports import minutes, sections, survey_section
from server.reports.document import NONE, Column, Document, Facts, Paragraph, Section, Table
from server.reports.gather import letterhead, year_of
from server.reports.period import WARSAW, SchoolYear, day, hours
from server.reports.sections import Subject

KINDS = {"subject": "przedmiotowa", "problem": "problemowa"}
TOP_THREADS = 20


def _about(s: Subject) -> Section:
    y = year_of(s)
    total = sum((y.total(u) for u in y.hours), start=0)
    return Section("Informacje o sieci", [Facts([
        ("Nazwa sieci", s.network.name),
        ("Rodzaj", f"{KINDS.get(s.network.kind, s.network.kind)}" + (f" — {s.network.topic}" if s.network.topic else "")),
        ("Rok szkolny", s.year.label),
        ("Koordynator", ", ".join(y.people[c].name for c in y.coordinators) or NONE),
        ("Liczba uczestników", str(len(y.members))),
        ("Spotkania odbyte", str(len(y.held))),
        ("Spotkania zaplanowane (przed nami)", str(len(y.planned))),
        ("Spotkania odwołane", str(y.cancelled)),
        ("Łączna liczba godzin udziału uczestników", hours(total)),
    ])])


def _meetings(s: Subject) -> Section:
    y = year_of(s)
    rows = []
    for i, m in enumerate(y.held, 1):
        topics = [a.get("topic", "") for a in (m.agenda or []) if a.get("topic")]
        experts = ", ".join(y.people[e].name for e in (m.expert_ids or []) if e in y.people)
        present = sum(1 for u in y.hours if m.id in y.hours[u])
        rows.append([str(i), m.starts_at.astimezone(WARSAW).strftime("%d.%m.%Y"), m.title + ("\n" + "; ".join(topics) if topics else ""),
                     experts or NONE, hours(m.hours), str(present)])
    return Section("Spotkania sieci", [Table(
        [Column("Lp.", .06, "C"), Column("Data", .13), Column("Temat i program", .45), Column("Eksperci", .16),
         Column("Godziny", .10, "R"), Column("Obecni", .10, "R")],
        rows, empty="W tym roku szkolnym nie odbyło się jeszcze żadne spotkanie sieci.")])


def _members(s: Subject) -> Section:
    y = year_of(s)
    rows = [[str(i), y.people[u].name, y.people[u].school or NONE, f"{len(y.hours.get(u, {}))} z {len(y.held)}",
             hours(y.total(u))] for i, u in enumerate(y.members, 1)]
    total = sum((y.total(u) for u in y.members), start=0)
    return Section("Uczestnicy i ich obecność", [Table(
        [Column("Lp.", .06, "C"), Column("Imię i nazwisko", .27), Column("Szkoła", .41), Column("Spotkania", .13, "R"),
         Column("Godziny", .13, "R")],
        rows, empty="Sieć nie ma uczestników.", total=["", "Razem", "", "", hours(total)] if rows else None)])


def _experts(s: Subject) -> Section:
    y = year_of(s)
    rows = []
    for i, e in enumerate(y.experts, 1):
        at = [m.title for m in y.held if e in (m.expert_ids or [])]
        rows.append([str(i), y.people[e].name, "; ".join(at) or NONE])
    return Section("Eksperci", [Table([Column("Lp.", .06, "C"), Column("Imię i nazwisko", .34),
                                          Column("Spotkania z jej/jego udziałem", .60)],
                                         rows, empty="W tym roku szkolnym sieć nie gościła ekspertów.")])


def _forum(s: Subject) -> Section:
    session, net, year = s.session, s.network, s.year
    in_year = (Post.network_id == net.id, Post.deleted_at.is_(None), Post.created_at >= year.begins,
               Post.created_at < year.ends)
    posts = session.scalar(select(func.count()).select_from(Post).where(*in_year)) or 0
    started = session.scalar(select(func.count()).select_from(Thread).where(
        Thread.network_id == net.id, Thread.created_at >= year.begins, Thread.created_at < year.ends)) or 0
    busiest = session.execute(
        select(Thread.title, Thread.created_at, func.count(Post.id).label("n")).join(Post, Post.thread_id == Thread.id)
        .where(*in_year).group_by(Thread.id, Thread.title, Thread.created_at)
        .order_by(func.count(Post.id).desc(), Thread.created_at).limit(TOP_THREADS)
    ).all()
    rows = [[str(i), title, day(created), str(n)] for i, (title, created, n) in enumerate(busiest, 1)]
    blocks = [Paragraph(f"Wątki założone w tym roku szkolnym: {started}. Wpisy: {posts}.")]
    if rows:
        blocks.append(Paragraph(f"Najżywsze dyskusje (do {TOP_THREADS}):"))
    blocks.append(Table([Column("Lp.", .06, "C"), Column("Wątek", .60), Column("Założony", .20),
                         Column("Wpisy w roku", .14, "R")], rows, empty="Na forum sieci nie było w tym roku wpisów."))
    return Section("Wymiana doświadczeń na forum", blocks)


def _practices(s: Subject) -> Section:
    session, net, year = s.session, s.network, s.year
    found = session.scalars(select(Resource).where(
        Resource.network_id == net.id, Resource.deleted_at.is_(None), Resource.created_at >= year.begins,
        Resource.created_at < year.ends).order_by(Resource.created_at)).all()
    rows = [[str(i), r.title, r.subject or NONE, day(r.created_at)] for i, r in enumerate(found, 1)]
    return Section("Dobre praktyki", [Table(
        [Column("Lp.", .06, "C"), Column("Tytuł", .58), Column("Przedmiot", .18), Column("Dodano", .18)],
        rows, empty="W tym roku szkolnym nie dodano dobrych praktyk.")])


sections.add("about", _about)
sections.add("meetings", _meetings)
sections.add("members", _members)
sections.add("experts", _experts)
sections.add("plan_tasks", sections.placeholder(
    "Zadania z planu pracy", "Plan pracy sieci na ten rok szkolny nie został przygotowany w Kręgu — brak zadań do zestawienia."))
sections.add("surveys", sections.placeholder(survey_section.TITLE, survey_section.NONE_TEXT))  # filled there
sections.add("forum", _forum)
sections.add("practices", _practices)
sections.add("conclusions", sections.placeholder("Wnioski i rekomendacje", NONE))
sections.add("minutes", minutes.in_report)  # each meeting held, with its minutes: the report's last part


def build(session, network, year: SchoolYear, now=None) -> Document:
    subject = Subject(session, network, year, now or utcnow(), {})
    return Document(
        letterhead=letterhead(session),
        title=f"Sprawozdanie z pracy sieci „{network.name}” w roku szkolnym {year.label}",
        subtitle=f"Stan na {day(subject.now)}",
        sections=sections.build(subject),
        filename=f"sprawozdanie-{year.start}-{year.start + 1}",
    )
