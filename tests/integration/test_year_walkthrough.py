"""Issue #9's "Done when", end to end through the API: a coordinator runs a network's whole school
year in Krąg — a needs survey its members answer, a plan citing it that an administrator approves,
meetings with attendance and hours, an evaluation survey, the conclusions she writes — and at the
end downloads the report (PDF and DOCX) and every participant's certificate without retyping
anything; a school director checks one at /v/<code>, signed out. The year is the one just
finished, so each write is pushed with the time her device made it at (surveys answered in their
weeks); the people, schools and the Poradnia come from reports_helpers, with Polish letters."""
from __future__ import annotations

import io
import re
import uuid
import zipfile

from server.extensions import db
from tests.apiclient import krag_cli
from tests.integration import reports_helpers as h
from tests.integration.meetings_helpers import meeting_args, outcome, stamp
from tests.integration.surveys_helpers import ANSWERS, QUESTIONS, answer_args, survey_args

ADMIN = ("dyrektor@poradnia.example", "Barbara Dyrektorska")
MEMBERS = ("zaneta", "grzegorz", "slawomir")
CONCLUSIONS = ("Sieć wypracowała zbiór ćwiczeń grafomotorycznych; ocenianie kształtujące weszło do trzech szkół.\n\n"
               "Rekomendacja: w przyszłym roku więcej zajęć otwartych i spotkań w Zgierzu.")


def ok(client, name: str, args: dict) -> None:
    assert outcome(client, name, args) == "applied", (name, args)


def survey(boss, members, y, month: int, day: int, **extra) -> str:
    """A survey open for two weeks from that day, each member answering on the third day."""
    args = survey_args(y.network_id, opens=h.at(y.start, month, day), **extra)
    ok(boss, "survey.create", args)
    for i, who in enumerate(members):
        answers = {**ANSWERS, "useful": 3 + i % 3, "ideas": f"Uwagi: {h.PEOPLE[who][1]}"}
        ok(members[who], "survey.answer", answer_args(args["id"], answers, at=h.at(y.start, month, day + 2)))
    return args["id"]


def results(boss, survey_id: str) -> dict:
    response = boss.http.get(f"/api/surveys/{survey_id}/results")
    assert response.status_code == 200
    return response.get_json()


def meeting(boss, y, month: int, day: int, title: str, hours: float, present: dict[str, float | None]) -> None:
    """Held: she marks who came, and corrects the hours of whoever left early."""
    args = meeting_args(y.network_id, h.at(y.start, month, day), hours, title=title, expert_ids=[y.users["expert"]])
    ok(boss, "meeting.create", args)
    for who, corrected in present.items():
        ok(boss, "attendance.set", {"meeting_id": args["id"], "user_id": y.users[who], "present": True,
                                    "at": stamp(h.at(y.start, month, day))})
        if corrected is not None:
            ok(boss, "attendance.hours", {"meeting_id": args["id"], "user_id": y.users[who], "hours": corrected})


def download(client, path: str, mimetype: str) -> bytes:
    response = client.http.get(path)
    assert response.status_code == 200 and response.mimetype == mimetype, response.get_data(as_text=True)[:300]
    return response.data


def test_a_coordinator_runs_the_networks_year_and_files_its_papers(app, as_user):
    y = h.build(db.session)
    krag_cli(app, "user", "add", ADMIN[0], "--name", ADMIN[1], "--admin")
    boss, admin = as_user(h.PEOPLE["coordinator"][0]), as_user(ADMIN[0])
    members = {who: as_user(h.PEOPLE[who][0]) for who in MEMBERS}

    # September: what do the members need?
    needs = survey(boss, members, y, 9, 5, title="Diagnoza potrzeb — wrzesień", kind="needs")
    read = results(boss, needs)
    assert read["respondents"] == 3
    assert read["questions"][0]["options"][0] == {"option": "Ocenianie kształtujące", "count": 3, "percent": 100.0}
    assert read["questions"][3]["texts"] == [f"Uwagi: {h.PEOPLE[w][1]}" for w in ("grzegorz", "slawomir", "zaneta")]

    # The plan, citing the survey's first question; sent, and approved by an administrator.
    plan_id = str(uuid.uuid4())
    version = f"{plan_id}:1"
    ok(boss, "plan.create", {"id": plan_id, "network_id": y.network_id, "school_year": y.start})
    ok(boss, "plan.update", {"version_id": version, "sections": {
        "goals": "Wdrożenie oceniania kształtującego w klasach I–III.", "outcomes": "Zbiór ćwiczeń.",
        "evaluation": "Ankieta ewaluacyjna w czerwcu."}, "topics": [
        {"id": str(uuid.uuid4()), "title": "Ocenianie kształtujące", "description": "Wszyscy go potrzebują.",
         "survey_id": needs, "question_id": QUESTIONS[0]["id"]}]})
    tasks = {title: str(uuid.uuid4()) for title in ("Zbiór ćwiczeń grafomotorycznych", "Lekcja otwarta w Zgierzu")}
    for (title, key), owner in zip(tasks.items(), ("zaneta", "grzegorz")):
        ok(boss, "plan_task.create", {"id": key, "version_id": version, "title": title, "owner_id": y.users[owner]})
    ok(boss, "plan.submit", {"version_id": version})
    assert outcome(boss, "plan.approve", {"version_id": version}) == "forbidden"  # not her own plan
    ok(admin, "plan.approve", {"version_id": version, "comment": "Dobry plan."})
    assert boss.rows("plan")[plan_id]["status"] == "approved"

    # The year's meetings, with the expert; Żaneta leaves one early, Sławomir comes once.
    meeting(boss, y, 10, 14, "Ocenianie kształtujące — wprowadzenie", 2, {"zaneta": None, "grzegorz": None})
    meeting(boss, y, 1, 20, "Informacja zwrotna dla ucznia", 3, {"zaneta": 1.5, "grzegorz": None, "slawomir": None})
    meeting(boss, y, 5, 12, "Ćwiczenia grafomotoryczne", 2.5, {"zaneta": None})
    ok(members["zaneta"], "plan_task.progress", {"id": f"{tasks['Zbiór ćwiczeń grafomotorycznych']}:1",
                                                 "status": "done", "comment": "Zbiór gotowy."})

    # June: the evaluation, and what the year taught — written on the approved plan, no new approval.
    evaluation = survey(boss, members, y, 6, 1, title="Ewaluacja pracy sieci", kind="evaluation")
    assert results(boss, evaluation)["questions"][2]["average"] == 4.0
    ok(boss, "plan.conclude", {"version_id": version, "conclusions": CONCLUSIONS})
    assert boss.rows("plan_version")[version]["status"] == "approved"

    # The report, as she files it.
    report = f"/api/networks/{y.network_id}/report?year={y.start}&format="
    pdf = h.pdf_text(download(boss, report + "pdf", "application/pdf"))
    docx = h.docx_text(download(boss, report + "docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    for text in (pdf, " ".join(docx.split())):
        for who in (*MEMBERS, "coordinator", "expert"):
            assert h.PEOPLE[who][1] in text, who
        assert "Szkoła Podstawowa nr 7 im. Józefa Piłsudskiego" in text and "Zespół Szkół w Zgierzu" in text
        for title in ("Ocenianie kształtujące — wprowadzenie", "Informacja zwrotna dla ucznia", "Ćwiczenia grafomotoryczne"):
            assert title in text
        assert f"14.10.{y.start}" in text and f"12.05.{y.start + 1}" in text
        assert "Zadania wykonane: 1 z 2." in text and "Zbiór gotowy." in text and "Lekcja otwarta w Zgierzu" in text
        assert "Diagnoza potrzeb — wrzesień — wyniki (odpowiedzi: 3)" in text and "Ewaluacja pracy sieci" in text
        assert "Ocenianie kształtujące 3 (100%)" in text and "średnia 4 w skali 1–5 (3 odp.)" in text
        assert "ocenianie kształtujące weszło do trzech szkół" in text and "więcej zajęć otwartych" in text
        assert "nie wpisano" not in text
    assert re.search(r"Żaneta Łęcka [^|]*?\b6\b", pdf)  # her hours: 2 + 1.5 + 2.5

    # Every participant's certificate: issued, downloaded one by one and all in one ZIP.
    listing = boss.http.get(f"/api/networks/{y.network_id}/certificates?year={y.start}").get_json()["participants"]
    hours = {p["name"]: p["hours"] for p in listing}
    assert hours == {h.PEOPLE["grzegorz"][1]: 5.0, h.PEOPLE["slawomir"][1]: 3.0, h.PEOPLE["zaneta"][1]: 6.0}
    papers = {}
    for p in listing:
        ok(boss, "certificate.issue", {"network_id": y.network_id, "year": y.start, "user_id": p["user_id"]})
        papers[p["name"]] = h.pdf_text(download(
            boss, f"/api/networks/{y.network_id}/certificate?year={y.start}&user_id={p['user_id']}", "application/pdf"))
        assert f"Zaświadcza się, że {p['name']}" in papers[p["name"]]
    with zipfile.ZipFile(io.BytesIO(download(boss, f"/api/networks/{y.network_id}/certificates.zip?year={y.start}",
                                             "application/zip"))) as zf:
        assert len(zf.namelist()) == 3
        assert sorted(h.pdf_text(zf.read(n)) for n in zf.namelist()) == sorted(papers.values())

    # A school director scans Sławomir's QR code: signed out, she sees only what it attests.
    code = re.search(r"/v/([A-Za-z0-9_-]+)", papers[h.PEOPLE["slawomir"][1]]).group(1)
    page = app.test_client().get(f"/v/{code}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Zaświadczenie jest ważne" in html
    assert "Sławomir Ćwikła" in html and f"{y.start}/{y.start + 1}" in html and "<dd>3</dd>" in html
    assert "Zespół Szkół" not in html
