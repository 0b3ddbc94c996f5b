"""The annual report lists the tasks of the approved plan, done and not done, read back from the
PDF (pypdf) and the DOCX (python-docx) with Polish letters; with no plan approved, those of the
latest version, said plainly."""
from __future__ import annotations

import uuid
from datetime import date

from server.db import utcnow
from server.extensions import db
from server.plans import publish
from server.plans.models import PlanApprover
from server.syncing.engine import engine
from tests.integration import reports_helpers as h
from tests.integration.meetings_helpers import outcome, result
from tests.integration.plans_helpers import made, run, task


def _report(client, y, fmt):
    response = client.http.get(f"/api/networks/{y.network_id}/report?year={y.start}&format={fmt}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return h.pdf_text(response.data) if fmt == "pdf" else h.docx_text(response.data)


def _plan(y) -> tuple[str, list[str]]:
    boss = y.users["coordinator"]
    plan_id = str(uuid.uuid4())
    run(boss, "plan.create", {"id": plan_id, "network_id": y.network_id, "school_year": y.start})
    version = f"{plan_id}:1"
    run(boss, "plan.update", {"version_id": version, "sections": {"goals": "Wspieranie adaptacji dzieci."}})
    tasks = [task(boss, version, y.users["zaneta"], "Lekcja otwarta „Żółw i źdźbło”"),
             task(boss, version, y.users["grzegorz"], "Zbiór ćwiczeń grafomotorycznych")]
    run(boss, "plan_task.update", {"id": tasks[0], "due_on": date(y.start, 11, 30).isoformat()})
    return version, tasks


def test_the_report_lists_the_approved_plans_tasks_done_and_not(app, as_user):
    y = h.a_year(db.session)
    version, tasks = _plan(y)
    run(y.users["coordinator"], "plan.submit", {"version_id": version})
    with engine.writing(db.session, y.users["staff"]) as ctx:  # an admin gave her the right
        publish.approver(ctx, PlanApprover(id=y.users["staff"], allowed=True, granted_by=y.users["staff"],
                                           granted_at=utcnow()))
    run(y.users["staff"], "plan.approve", {"version_id": version})
    run(y.users["zaneta"], "plan_task.progress", {"id": tasks[0], "status": "done", "comment": "Świetny odzew."})
    pdf = _report(as_user(h.PEOPLE["coordinator"][0]), y, "pdf")
    assert "Zadania z planu pracy" in pdf
    assert "Zadania według zatwierdzonego planu pracy (wersja 1; zatwierdzenie: Jadwiga Śliwińska," in pdf
    assert "Zadania wykonane: 1 z 2." in pdf
    assert f"1 Lekcja otwarta „Żółw i źdźbło” Uwagi: Świetny odzew. Żaneta Łęcka 30.11.{y.start} zrobione" in pdf
    assert "1 Zbiór ćwiczeń grafomotorycznych Grzegorz Brzęczyszczykiewicz — do zrobienia" in pdf
    assert "nie został przygotowany w Kręgu" not in pdf
    docx = _report(as_user(h.PEOPLE["staff"][0]), y, "docx")
    assert "Zadania wykonane: 1 z 2." in docx
    assert f"Żaneta Łęcka | 30.11.{y.start} | zrobione" in docx
    assert "Zbiór ćwiczeń grafomotorycznych | Grzegorz Brzęczyszczykiewicz | — | do zrobienia" in docx


def test_with_no_plan_approved_the_latest_version_is_named(app, as_user):
    y = h.a_year(db.session)
    _plan(y)
    pdf = _report(as_user(h.PEOPLE["coordinator"][0]), y, "pdf")
    assert "Plan pracy nie został zatwierdzony; zadania według jego ostatniej wersji (wersja 1: szkic)." in pdf
    assert "Zadania wykonane: 0 z 2." in pdf


def test_with_no_plan_the_place_says_so(app, as_user):
    y = h.a_year(db.session)
    made(y.users["coordinator"], y.network_id, year=y.start - 1)  # another year's plan
    pdf = _report(as_user(h.PEOPLE["coordinator"][0]), y, "pdf")
    assert "Plan pracy sieci na ten rok szkolny nie został przygotowany w Kręgu" in pdf


def test_the_conclusions_she_writes_at_any_state_close_the_report(app, as_user):
    y = h.a_year(db.session)
    boss, admin = y.users["coordinator"], y.users["staff"]
    version, _ = _plan(y)
    coordinator = as_user(h.PEOPLE["coordinator"][0])
    pdf = _report(coordinator, y, "pdf")
    assert "Wnioski i rekomendacje Wniosków z pracy sieci w tym roku szkolnym nie wpisano w Kręgu." in pdf
    run(boss, "plan.conclude", {"version_id": version, "conclusions": "Szkic wniosków."})  # a draft
    run(boss, "plan.submit", {"version_id": version})
    with engine.writing(db.session, admin) as ctx:
        publish.approver(ctx, PlanApprover(id=admin, allowed=True, granted_by=admin, granted_at=utcnow()))
    run(admin, "plan.approve", {"version_id": version})
    run(boss, "plan.amend", {"version_id": version})  # a draft amending it: both in force
    written = "Dzieci szybciej się zaaklimatyzowały.\n\nRekomendacja: więcej zajęć z rodzicami w Zgierzu."
    assert outcome(coordinator, "plan.conclude", {"version_id": version, "conclusions": written}) == "applied"
    second = f"{version.rsplit(':', 1)[0]}:2"
    versions = coordinator.rows("plan_version")
    assert versions[version]["status"] == "approved"  # no new approval
    assert versions[version]["sections"]["conclusions"] == versions[second]["sections"]["conclusions"] == written
    assert outcome(as_user(h.PEOPLE["zaneta"][0]), "plan.conclude", {"version_id": version, "conclusions": "?"}) == "forbidden"
    too_long = result(coordinator, "plan.conclude", {"version_id": version, "conclusions": "ż" * 10001})
    assert too_long["error"]["code"] == "invalid" and "najwyżej 10000 znaków" in too_long["error"]["fields"]["conclusions"][0]
    pdf, docx = _report(coordinator, y, "pdf"), _report(coordinator, y, "docx")
    assert "Wnioski i rekomendacje Dzieci szybciej się zaaklimatyzowały. Rekomendacja: więcej zajęć z rodzicami" in pdf
    assert "Dzieci szybciej się zaaklimatyzowały.\nRekomendacja: więcej zajęć z rodzicami w Zgierzu." in docx
    assert "nie wpisano" not in pdf + docx
    run(boss, "plan.submit", {"version_id": second})
    run(admin, "plan.approve", {"version_id": second})  # the first one is replaced
    assert outcome(coordinator, "plan.conclude", {"version_id": version, "conclusions": "Stare."}) == "superseded"
