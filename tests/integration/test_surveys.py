"""Surveys built, answered (offline too), changed, closed: docs/sync-protocol.md ("Surveys") and
docs/roles.md. Bad input is a rejected mutation with Polish field errors."""
from __future__ import annotations

from datetime import timedelta

from server.extensions import db
from tests.integration.forum_helpers import MATH, network_id
from tests.integration.meetings_helpers import now, outcome, result, stamp
from tests.integration.surveys_helpers import ANSWERS, QUESTIONS, answer_args, made, survey_args

ANNA, JAN, PIOTR, BOSS = ("anna.nowak@example.org", "jan.kowalski@example.org", "piotr.zielinski@example.org",
                          "koordynator@example.org")


def test_a_coordinator_builds_a_survey_and_the_network_sees_it(app, demo, as_user):
    boss, anna, piotr = as_user(BOSS), as_user(ANNA), as_user(PIOTR)
    args = survey_args(network_id(MATH), title="  Diagnoza potrzeb  ",
                       questions=[{**QUESTIONS[0], "text": " Tematy? ", "options": [" A ", "B"]}, QUESTIONS[2]])
    assert result(boss, "survey.create", args)["status"] == "applied"
    row = anna.rows("survey")[args["id"]]
    assert row == {
        "id": args["id"], "network_id": network_id(MATH), "title": "Diagnoza potrzeb", "kind": "needs",
        "anonymous": False, "opens_at": row["opens_at"], "closes_at": row["closes_at"],
        "questions": [{"id": "topics", "kind": "multiple", "text": "Tematy?", "options": ["A", "B"], "required": True},
                      {"id": "useful", "kind": "scale", "text": QUESTIONS[2]["text"], "options": [],
                       "required": False}],
        "created_by": boss.id, "created_at": row["created_at"], "edited_at": None,
    }
    assert row["opens_at"].endswith("Z") and args["id"] not in piotr.rows("survey")


def test_it_changes_until_it_opens_and_closes_at_once(app, demo, as_user):
    boss, anna = as_user(BOSS), as_user(ANNA)
    later = survey_args(network_id(MATH), opens=now() + timedelta(days=1))
    assert outcome(boss, "survey.create", later) == "applied"
    assert outcome(boss, "survey.update", {"id": later["id"], "title": "Ewaluacja", "anonymous": True}) == "applied"
    row = anna.rows("survey")[later["id"]]
    assert (row["title"], row["anonymous"], row["edited_at"] is not None) == ("Ewaluacja", True, True)
    refused = result(boss, "survey.update", {"id": later["id"], "closes_at": later["opens_at"]})
    assert refused["error"]["fields"] == {"closes_at": ["Ankieta musi się zamykać po otwarciu."]}
    opened = made(boss.id, network_id(MATH))
    assert outcome(boss, "survey.update", {"id": opened, "title": "Za późno"}) == "started"
    assert outcome(anna, "survey.answer", answer_args(opened)) == "applied"
    assert outcome(boss, "survey.close", {"id": opened}) == "applied"
    assert outcome(boss, "survey.close", {"id": opened}) == "applied"  # from her other device: no change
    assert outcome(anna, "survey.answer", answer_args(opened)) == "closed"
    assert outcome(anna, "survey.answer", answer_args(later["id"])) == "not_open"


def test_an_offline_answer_counts_once_and_she_may_change_it(app, demo, as_user):
    boss, anna, jan = as_user(BOSS), as_user(ANNA), as_user(JAN)
    survey_id = made(boss.id, network_id(MATH))
    made_offline = answer_args(survey_id, at=now() - timedelta(minutes=20))
    batch = {"client_id": anna.client_id, "mutations": [{"id": 1, "name": "survey.answer", "args": made_offline}]}
    assert anna.post_json("/api/sync/push", batch).get_json()["results"][0]["status"] == "applied"
    # The answer to that push was lost; the phone sends it again.
    assert anna.post_json("/api/sync/push", batch).get_json()["results"][0]["status"] == "duplicate"
    anna.next_id = 2
    mine = anna.rows("survey_response")
    assert list(mine) == [f"{survey_id}:{anna.id}"] and mine[f"{survey_id}:{anna.id}"]["answers"] == ANSWERS
    assert jan.rows("survey_response") == {}  # her answers are hers alone
    assert list(boss.rows("survey_answered")) == [f"{survey_id}:{anna.id}"]  # the coordinator sees that she did
    body = boss.http.get(f"/api/surveys/{survey_id}/results").get_json()
    assert body["respondents"] == 1
    # She changes her mind; then her tablet, offline since before, sends its older answer.
    assert outcome(anna, "survey.answer", answer_args(survey_id, {**ANSWERS, "form": "Stacjonarnie"})) == "applied"
    assert outcome(anna, "survey.answer", answer_args(survey_id, {**ANSWERS, "form": "Online"},
                                                      at=now() - timedelta(minutes=30))) == "applied"
    assert anna.rows("survey_response")[f"{survey_id}:{anna.id}"]["answers"]["form"] == "Stacjonarnie"
    form = boss.http.get(f"/api/surveys/{survey_id}/results").get_json()["questions"][1]
    assert form["options"] == [{"option": "Stacjonarnie", "count": 1, "percent": 100.0},
                               {"option": "Online", "count": 0, "percent": 0.0}]


def test_an_answer_made_before_the_close_counts_when_it_syncs_after(app, demo, as_user):
    boss, anna = as_user(BOSS), as_user(ANNA)
    survey_id = made(boss.id, network_id(MATH))
    in_time = answer_args(survey_id, at=now() - timedelta(seconds=30))  # offline, before she closed it
    assert outcome(boss, "survey.close", {"id": survey_id}) == "applied"
    assert outcome(anna, "survey.answer", in_time) == "applied"
    assert outcome(anna, "survey.answer", answer_args(survey_id, at=now() + timedelta(seconds=5))) == "closed"
    future = result(anna, "survey.answer", answer_args(made(boss.id, network_id(MATH)), at=now() + timedelta(hours=3)))
    assert future["error"]["fields"] == {"at": ["Czas odpowiedzi jest z przyszłości: sprawdź zegar telefonu."]}


def test_answers_that_do_not_fit_are_refused_in_polish(app, demo, as_user):
    boss, anna = as_user(BOSS), as_user(ANNA)
    survey_id = made(boss.id, network_id(MATH))
    wrong = {"topics": ["Szydełkowanie"], "form": ["Online", "Stacjonarnie"], "useful": 7, "ideas": 12, "extra": "x"}
    refused = result(anna, "survey.answer", answer_args(survey_id, wrong))
    assert refused["error"]["code"] == "invalid"
    assert refused["error"]["fields"] == {"answers": {
        "topics": ["Wybierz spośród podanych odpowiedzi."], "form": ["W tym pytaniu wybierz jedną odpowiedź."],
        "useful": ["Podaj liczbę od 1 do 5."], "ideas": ["Odpowiedź musi być tekstem."],
        "extra": ["W tej ankiecie nie ma takiego pytania."]}}
    missing = result(anna, "survey.answer", answer_args(survey_id, {"topics": [], "form": "Online"}))
    assert missing["error"]["fields"] == {"answers": {"topics": ["To pytanie jest obowiązkowe."]}}
    assert outcome(anna, "survey.answer", answer_args(survey_id, {"topics": ["Narzędzia cyfrowe"],
                                                                  "form": "Online", "useful": None})) == "applied"


def test_bad_surveys_are_refused_with_field_errors(app, demo, as_user):
    boss = as_user(BOSS)
    bad = survey_args(network_id(MATH), kind="quiz", title="", questions=[
        {"id": "a", "kind": "single", "text": "Jedna?", "options": ["Tak"]},
        {"id": "b", "kind": "scale", "text": "Skala", "options": ["1"]},
        {"id": "c", "kind": "slider", "text": ""}])
    fields = result(boss, "survey.create", bad)["error"]["fields"]
    assert fields["kind"] == ["Wybierz rodzaj ankiety: diagnoza potrzeb, ewaluacja albo własna."]
    assert fields["title"] == ["Tytuł ankiety musi mieć od 1 do 200 znaków."]
    assert fields["questions"] == {"0": {"options": ["Podaj co najmniej 2 odpowiedzi do wyboru."]},
                                   "1": {"options": ["To pytanie nie ma odpowiedzi do wyboru."]},
                                   "2": {"kind": ["Wybierz rodzaj pytania."],
                                         "text": ["Treść pytania musi mieć od 1 do 500 znaków."]}}
    backwards = survey_args(network_id(MATH))
    backwards["closes_at"] = stamp(now() - timedelta(days=2))
    assert result(boss, "survey.create", backwards)["error"]["fields"] == {
        "closes_at": ["Ankieta musi się zamykać po otwarciu."]}
    twice = survey_args(network_id(MATH), questions=[QUESTIONS[2], QUESTIONS[2]])
    assert result(boss, "survey.create", twice)["error"]["fields"] == {
        "questions": ["Dwa pytania mają ten sam identyfikator."]}
