"""The annual work plan: written, sent, returned with a comment, amended as a new version,
approved (never by its own coordinator), its tasks ticked after approval; docs/roles.md and
docs/sync-protocol.md ("Annual work plans"). Bad input is a rejected mutation with Polish field
errors, never a 5xx."""
from __future__ import annotations

import uuid

from sqlalchemy import select

from server.accounts.models import User
from server.extensions import db
from server.mailqueue.models import OutgoingMail
from tests.integration import world as worlds
from tests.integration.forum_helpers import MATH, network_id
from tests.integration.meetings_helpers import outcome, result
from tests.integration.plans_helpers import GOALS, YEAR, made, run, task
from tests.integration.surveys_helpers import made as survey


def _user(email: str) -> str:
    return db.session.scalars(select(User.id).where(User.email == email)).one()


def _world(as_user):
    w = worlds.build(db.session)
    return w, {role: as_user(w.emails[role]) for role in worlds.ROLES}


def test_the_whole_approval_path(app, demo, as_user):
    w, c = _world(as_user)
    boss, admin, member = c["coordinator"], c["admin"], c["member"]
    plan_id = str(uuid.uuid4())
    assert outcome(boss, "plan.create", {"id": plan_id, "network_id": w.network_id, "school_year": YEAR}) == "applied"
    v1 = f"{plan_id}:1"
    s = survey(w.users["coordinator"], w.network_id)
    topic = {"id": str(uuid.uuid4()), "title": "Ocenianie kształtujące", "description": "Na podstawie diagnozy.",
             "survey_id": s, "question_id": "topics"}
    assert outcome(boss, "plan.update", {"version_id": v1, "sections": {"goals": "  Cele sieci  "},
                                         "topics": [topic]}) == "applied"
    t1 = task(w.users["coordinator"], v1, w.users["member"], "Lekcja otwarta z ocenianiem kształtującym")
    # Seen by members and experts, not by outsiders nor by staff before it is sent.
    assert member.rows("plan_version")[v1]["sections"] == {"goals": "Cele sieci", "outcomes": "", "evaluation": ""}
    assert v1 in c["expert"].rows("plan_version") and t1 in c["expert"].rows("plan_task")
    assert v1 not in c["outsider"].rows("plan_version") and v1 not in c["staff"].rows("plan_version")

    assert outcome(boss, "plan.submit", {"version_id": v1}) == "applied"
    assert outcome(boss, "plan.update", {"version_id": v1, "sections": {"goals": "Inne"}}) == "not_draft"
    assert outcome(boss, "plan_task.create", {"id": str(uuid.uuid4()), "version_id": v1, "title": "X"}) == "not_draft"
    assert outcome(boss, "plan.approve", {"version_id": v1}) == "forbidden"  # her own network's
    assert outcome(c["staff"], "plan.approve", {"version_id": v1}) == "forbidden"  # no right yet
    assert outcome(admin, "plan_approver.set", {"user_id": w.users["staff"], "allowed": True}) == "applied"
    staff = as_user(w.emails["staff"])
    assert staff.rows("plan_approver")[w.users["staff"]]["allowed"] is True
    assert staff.rows("plan")[plan_id]["status"] == "submitted"  # waiting, seen by approvers
    assert t1 in staff.rows("plan_task")

    refused = result(staff, "plan.return", {"version_id": v1, "comment": "  "})
    assert refused["error"]["fields"] == {"comment": ["Napisz, co poprawić (od 1 do 2000 znaków)."]}
    assert outcome(staff, "plan.return", {"version_id": v1, "comment": "Dopisz sposoby ewaluacji."}) == "applied"
    letters = db.session.scalars(select(OutgoingMail).where(OutgoingMail.to == w.emails["coordinator"])).all()
    assert any("do poprawy" in m.subject and "Dopisz sposoby ewaluacji." in m.text for m in letters)
    assert outcome(staff, "plan.approve", {"version_id": v1}) == "not_submitted"

    assert outcome(boss, "plan.amend", {"version_id": v1}) == "applied"
    v2 = f"{plan_id}:2"
    row = member.rows("plan_version")[v2]
    assert (row["status"], row["number"], row["topics"][0]["survey_id"]) == ("draft", 2, s)
    t2 = t1.rsplit(":", 1)[0] + ":2"
    assert member.rows("plan_task")[t2]["title"] == "Lekcja otwarta z ocenianiem kształtującym"
    assert member.rows("plan_version")[v1]["comment"] == "Dopisz sposoby ewaluacji."
    assert outcome(member, "plan_task.progress", {"id": t1, "status": "done"}) == "superseded"  # returned: kept as it was
    assert member.rows("plan_task")[t2]["owner_name"] == "Osoba member"
    assert outcome(boss, "plan.update", {"version_id": v2, "sections": {"evaluation": "Ankieta ewaluacyjna."}}) == "applied"
    assert outcome(boss, "plan.submit", {"version_id": v2}) == "applied"
    assert outcome(staff, "plan.approve", {"version_id": v2}) == "applied"
    plan = member.rows("plan")[plan_id]
    assert (plan["status"], plan["approved_version"], plan["version"]) == ("approved", 2, 2)
    assert member.rows("plan_version")[v1]["status"] == "returned"  # kept as it was

    # Ticked done after approval, by its owner, with no new approval; outsiders may not.
    assert outcome(member, "plan_task.progress", {"id": t2, "status": "done", "comment": "Odbyła się 12 marca."}) == "applied"
    assert outcome(c["expert"], "plan_task.progress", {"id": t2, "status": "todo"}) == "forbidden"
    assert outcome(member, "plan_task.update", {"id": t2, "title": "Inna"}) == "forbidden"
    assert outcome(boss, "plan_task.update", {"id": t2, "title": "Inna"}) == "not_draft"

    # Amended again: the approved version stays in force, read-only, until the new one is approved.
    assert outcome(boss, "plan.amend", {"version_id": v2}) == "applied"
    v3 = f"{plan_id}:3"
    t3 = t1.rsplit(":", 1)[0] + ":3"
    assert member.rows("plan_task")[t3]["status"] == "done"  # the progress came with it
    assert outcome(boss, "plan_task.progress", {"id": t2, "status": "doing"}) == "applied"
    assert member.rows("plan_task")[t3]["status"] == "doing"  # and follows it into the draft
    assert outcome(boss, "plan.amend", {"version_id": v2}) == "not_latest"
    assert outcome(boss, "plan.amend", {"version_id": v3}) == "not_decided"
    assert outcome(boss, "plan.submit", {"version_id": v3}) == "applied"
    assert outcome(admin, "plan.approve", {"version_id": v3, "comment": "Dobrze."}) == "applied"
    versions = member.rows("plan_version")
    assert (versions[v2]["status"], versions[v3]["status"]) == ("superseded", "approved")
    assert outcome(boss, "plan_task.progress", {"id": t2, "status": "done"}) == "superseded"


def test_bad_input_is_refused_in_polish(app, demo, as_user):
    w, c = _world(as_user)
    boss = c["coordinator"]
    v1 = made(w.users["coordinator"], w.network_id)
    again = result(boss, "plan.create", {"id": str(uuid.uuid4()), "network_id": w.network_id, "school_year": YEAR})
    assert again["error"]["code"] == "conflict"
    assert again["error"]["fields"] == {"school_year": ["Na ten rok szkolny plan już jest."]}
    outside = result(boss, "plan_task.create", {"id": str(uuid.uuid4()), "version_id": v1, "title": "Zadanie",
                                                "owner_id": w.users["outsider"]})
    assert outside["error"] == {"code": "invalid", "message": "Niepoprawne dane.",
                                "fields": {"owner_id": ["Zadanie może prowadzić tylko członek tej sieci."]}}
    assert outcome(boss, "plan_task.create", {"id": str(uuid.uuid4()), "version_id": v1, "title": "Z",
                                              "owner_id": w.users["expert"]}) == "invalid"
    t = task(w.users["coordinator"], v1)
    assert result(boss, "plan_task.update", {"id": t, "owner_id": w.users["outsider"]})["error"]["fields"] == {
        "owner_id": ["Zadanie może prowadzić tylko członek tej sieci."]}
    foreign = survey(_user("koordynator@example.org"), network_id(MATH))  # the demo's other network
    cited = result(boss, "plan.update", {"version_id": v1, "topics": [
        {"id": str(uuid.uuid4()), "title": "Temat", "survey_id": foreign}]})
    assert cited["error"]["fields"] == {"topics.0.survey_id": ["Można powołać się tylko na ankietę tej sieci."]}
    own = survey(w.users["coordinator"], w.network_id)
    asked = result(boss, "plan.update", {"version_id": v1, "topics": [
        {"id": str(uuid.uuid4()), "title": "Temat", "survey_id": own, "question_id": "nie_ma"}]})
    assert asked["error"]["fields"] == {"topics.0.question_id": ["W tej ankiecie nie ma takiego pytania."]}
    empty = result(boss, "plan.update", {"version_id": v1, "sections": {"goals": "x" * 10001}})
    assert empty["error"]["fields"] == {"sections": {"goals": ["Ta część planu może mieć najwyżej 10000 znaków."]}}
    assert result(boss, "plan.create", {"id": str(uuid.uuid4()), "network_id": w.network_id,
                                        "school_year": "dwa"})["error"]["code"] == "invalid"
    assert result(boss, "plan_task.progress", {"id": t, "status": "gotowe"})["error"]["fields"] == {
        "status": ["Wybierz: do zrobienia, w toku albo zrobione."]}
    assert outcome(boss, "plan.update", {"version_id": "nie-ma:1"}) == "invalid"
    assert outcome(boss, "plan.approve", {"version_id": str(uuid.uuid4()) + ":1"}) == "not_found"
    assert outcome(c["admin"], "plan_approver.set", {"user_id": w.users["member"], "allowed": True}) == "invalid"


def test_a_plan_with_no_goals_is_not_sent(app, demo, as_user):
    w, c = _world(as_user)
    plan_id = str(uuid.uuid4())
    run(w.users["coordinator"], "plan.create", {"id": plan_id, "network_id": w.network_id, "school_year": YEAR})
    refused = result(c["coordinator"], "plan.submit", {"version_id": f"{plan_id}:1"})
    assert refused["error"]["fields"] == {"sections.goals": ["Wpisz cele planu, zanim wyślesz go do zatwierdzenia."]}
    assert GOALS


def test_an_admin_who_sent_it_does_not_approve_it(app, demo, as_user):
    w, c = _world(as_user)
    v1 = made(w.users["coordinator"], w.network_id)
    assert outcome(c["admin"], "plan.submit", {"version_id": v1}) == "applied"
    assert outcome(c["admin"], "plan.approve", {"version_id": v1}) == "forbidden"
    run(w.users["admin"], "plan_approver.set", {"user_id": w.users["staff"], "allowed": True})
    run(w.users["admin"], "plan_approver.set", {"user_id": w.users["staff"], "allowed": False})
    assert outcome(c["staff"], "plan.approve", {"version_id": v1}) == "forbidden"  # taken back
