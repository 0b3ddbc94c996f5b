"""The annual report's place `plan_tasks`, filled from the plan: the tasks of the version in
force (the approved one; with none approved, the latest, said plainly), done and not done."""
from __future__ import annotations

from sqlalchemy import select

from server.accounts.models import User
from server.plans.models import Plan, PlanTask, PlanVersion, version_id
from server.reports import sections
from server.reports.document import NONE, Column, Paragraph, Section, Table
from server.reports.period import day

TITLE = "Zadania z planu pracy"
NO_PLAN = "Plan pracy sieci na ten rok szkolny nie został przygotowany w Kręgu — brak zadań do zestawienia."
STATES = {"todo": "do zrobienia", "doing": "w toku", "done": "zrobione"}
VERSION_STATES = {"draft": "szkic", "submitted": "wysłany do zatwierdzenia", "returned": "zwrócony do poprawy"}


def _columns() -> list[Column]:
    return [Column("Lp.", .06, "C"), Column("Zadanie", .44), Column("Prowadzi", .22), Column("Termin", .14),
            Column("Stan", .14)]


def plan_tasks(s: sections.Subject) -> Section:
    p = s.session.scalars(select(Plan).where(Plan.network_id == s.network.id, Plan.school_year == s.year.start)).first()
    if p is None:
        return Section(TITLE, [Paragraph(NO_PLAN)])
    v = s.session.get(PlanVersion, version_id(p.id, p.approved_version or p.version))
    if v.status in ("approved", "superseded"):
        decider = s.session.get(User, v.decided_by)
        said = (f"Zadania według zatwierdzonego planu pracy (wersja {v.number}; zatwierdzenie: "
                f"{decider.name + ', ' if decider else ''}{day(v.decided_at)}).")
    else:
        said = (f"Plan pracy nie został zatwierdzony; zadania według jego ostatniej wersji "
                f"(wersja {v.number}: {VERSION_STATES.get(v.status, v.status)}).")
    tasks = s.session.scalars(select(PlanTask).where(PlanTask.version_id == v.id).order_by(PlanTask.position)).all()
    owners = {u.id: u.name for u in s.session.scalars(
        select(User).where(User.id.in_({t.owner_id for t in tasks if t.owner_id})))} if tasks else {}

    def rows(chosen):
        return [[str(i), t.title + (f"\nUwagi: {t.comment}" if t.comment else ""), owners.get(t.owner_id, NONE),
                 t.due_on.strftime("%d.%m.%Y") if t.due_on else NONE, STATES[t.status]]
                for i, t in enumerate(chosen, 1)]

    done = [t for t in tasks if t.status == "done"]
    open_ = [t for t in tasks if t.status != "done"]
    return Section(TITLE, [
        Paragraph(said),
        Paragraph(f"Zadania wykonane: {len(done)} z {len(tasks)}."),
        Paragraph("Zadania wykonane", bold=True),
        Table(_columns(), rows(done), empty="Żadne zadanie nie zostało jeszcze wykonane."),
        Paragraph("Zadania niewykonane", bold=True),
        Table(_columns(), rows(open_), empty="Wszystkie zadania zostały wykonane." if tasks else "Plan nie ma zadań."),
    ])


def provide() -> None:
    sections.provide("plan_tasks", plan_tasks)
