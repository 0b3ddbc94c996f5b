"""The annual report's places filled from the plan: `plan_tasks`, the tasks of the version in
force (the approved one; with none approved, the latest, said plainly), done and not done; and
`conclusions`, the year's outcomes and conclusions its coordinator wrote (`plan.conclude`)."""
from __future__ import annotations

from sqlalchemy import select

from server.accounts.models import User
from server.plans.models import CONCLUSIONS, Plan, PlanTask, PlanVersion, version_id
from server.reports import sections
from server.reports.document import NONE, Column, Paragraph, Section, Table
from server.reports.period import day

TITLE = "Zadania z planu pracy"
CONCLUSIONS_TITLE = "Wnioski i rekomendacje"
NO_CONCLUSIONS = "Wniosków z pracy sieci w tym roku szkolnym nie wpisano w Kręgu."
NO_PLAN = "Plan pracy sieci na ten rok szkolny nie został przygotowany w Kręgu — brak zadań do zestawienia."
STATES = {"todo": "do zrobienia", "doing": "w toku", "done": "zrobione"}
VERSION_STATES = {"draft": "szkic", "submitted": "wysłany do zatwierdzenia", "returned": "zwrócony do poprawy"}


def _columns() -> list[Column]:
    return [Column("Lp.", .06, "C"), Column("Zadanie", .44), Column("Prowadzi", .22), Column("Termin", .14),
            Column("Stan", .14)]


def _plan(s: sections.Subject) -> Plan | None:
    return s.session.scalars(select(Plan).where(Plan.network_id == s.network.id,
                                                Plan.school_year == s.year.start)).first()


def plan_tasks(s: sections.Subject) -> Section:
    p = _plan(s)
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


def conclusions(s: sections.Subject) -> Section:
    """As she wrote them, a paragraph for each (the latest version holds them, as does the approved one)."""
    p = _plan(s)
    v = s.session.get(PlanVersion, version_id(p.id, p.version)) if p is not None else None
    text = ((v.sections or {}).get(CONCLUSIONS) or "").strip() if v is not None else ""
    parts = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return Section(CONCLUSIONS_TITLE, [Paragraph(part) for part in parts] or [Paragraph(NO_CONCLUSIONS)])


def provide() -> None:
    sections.provide("plan_tasks", plan_tasks)
    sections.provide("conclusions", conclusions)
