"""Anonymous surveys name no one — not in the rows devices get, the results, the CSV or the
database's answer rows — yet she changes her answer with her device's key; results of 
named and anonymous surveys as JSON and CSV, for the coordinator and staff only."""
from __future__ import annotations

import csv
import io

from sqlalchemy import select, text

from server.extensions import db
from server.surveys.models import SurveyResponse
from tests.apiclient import krag_cli
from tests.integration.forum_helpers import MATH, network_id
from tests.integration.meetings_helpers import outcome, result
from tests.integration.surveys_helpers import ANSWERS, answer_args, made, new_key

ANNA, JAN, EWA, BOSS, STAFF = ("anna.nowak@example.org", "jan.kowalski@example.org", "ewa.wisniewska@example.org",
                               "koordynator@example.org", "sekretariat@example.org")


def _table(name: str) -> list[dict]:
    db.session.rollback()
    return [dict(r._mapping) for r in db.session.execute(text(f"SELECT * FROM {name}"))]


def test_an_anonymous_answer_carries_no_one_and_she_can_change_it(app, demo, as_user):
    boss, anna, jan = as_user(BOSS), as_user(ANNA), as_user(JAN)
    survey_id = made(boss.id, network_id(MATH), anonymous=True)
    key = new_key()
    assert result(anna, "survey.answer", answer_args(survey_id))["error"]["fields"] == {
        "key": ["Ankieta jest anonimowa: odpowiedź wymaga klucza z urządzenia."]}
    assert outcome(anna, "survey.answer", answer_args(survey_id, key=key)) == "applied"
    assert outcome(jan, "survey.answer", answer_args(survey_id, {**ANSWERS, "form": "Stacjonarnie"},
                                                      key=new_key())) == "applied"
    # She changes her answer from the same phone: same key, the same response.
    assert outcome(anna, "survey.answer", answer_args(survey_id, {**ANSWERS, "useful": 2}, key=key)) == "applied"
    # From another device, without the key, she cannot answer a second time.
    assert outcome(anna, "survey.answer", answer_args(survey_id, key=new_key())) == "conflict"

    # The database: answer rows with no person, no time, only a key's hash (never the key).
    rows = _table("survey_response")
    assert len(rows) == 2
    for row in rows:
        assert row["user_id"] is None and row["at"] is None and len(row["key_hash"]) == 64
        assert key not in str(row) and anna.id not in str(row) and jan.id not in str(row)
    db.session.expire_all()
    kept = db.session.scalars(select(SurveyResponse)).all()
    assert sorted(r.answers["useful"] for r in kept) == [2, 4]
    # The marker says who answered; nothing in it says what.
    markers = _table("survey_answered")
    assert sorted(m["user_id"] for m in markers) == sorted([anna.id, jan.id])
    assert all(set(m) == {"id", "survey_id", "network_id", "user_id", "at"} for m in markers)
    # Nor does the change log: no response row is published anywhere.
    assert not [r for r in _table("sync_row") if r["type"] == "survey_response"]
    assert anna.rows("survey_response") == {} and boss.rows("survey_response") == {}

    # Two answers: the coordinator, who knows who answered, would read each one's; held back.
    body = boss.http.get(f"/api/surveys/{survey_id}/results").get_json()
    assert (body["respondents"], body["withheld"]) == (2, True)
    assert all(q["answered"] == 0 for q in body["questions"]) and body["questions"][3]["texts"] == []
    csv_lines = boss.http.get(f"/api/surveys/{survey_id}/results?format=csv").get_data(as_text=True).splitlines()
    assert len(csv_lines) == 1  # the header only
    ewa = as_user(EWA)
    assert outcome(ewa, "survey.answer", answer_args(survey_id, {**ANSWERS, "useful": None}, key=new_key())) == "applied"

    # The API: counts and open answers, no ids, no names.
    body = boss.http.get(f"/api/surveys/{survey_id}/results").get_json()
    assert (body["respondents"], body["withheld"], body["survey"]["anonymous"]) == (3, False, True)
    flat = str(body)
    assert anna.id not in flat and jan.id not in flat and ewa.id not in flat and "Anna" not in flat
    useful = body["questions"][2]
    assert useful["average"] == 3.0 and [s["count"] for s in useful["scale"]] == [0, 1, 0, 1, 0]
    csv_text = boss.http.get(f"/api/surveys/{survey_id}/results?format=csv").get_data(as_text=True)
    assert "Osoba" not in csv_text and "Anna" not in csv_text and anna.id not in csv_text


def test_results_of_a_named_survey_as_json_and_csv(app, demo, as_user):
    krag_cli(app, "user", "add", STAFF, "--name", "Ewa Sekretarz", "--staff")  # staff, not in the network
    boss, anna, jan, staff = as_user(BOSS), as_user(ANNA), as_user(JAN), as_user(STAFF)
    survey_id = made(boss.id, network_id(MATH))
    assert outcome(anna, "survey.answer", answer_args(survey_id)) == "applied"
    assert outcome(jan, "survey.answer", answer_args(survey_id, {"topics": ["Narzędzia cyfrowe"], "form": "Online",
                                                                 "ideas": "Ćwiczenia z żółwiem"})) == "applied"
    body = staff.http.get(f"/api/surveys/{survey_id}/results").get_json()
    topics, form, useful, ideas = body["questions"]
    assert body["respondents"] == 2 and topics["answered"] == 2
    assert topics["options"] == [{"option": "Ocenianie kształtujące", "count": 1, "percent": 50.0},
                                 {"option": "Praca z uczniem ze SPE", "count": 0, "percent": 0.0},
                                 {"option": "Narzędzia cyfrowe", "count": 2, "percent": 100.0}]
    assert form["options"][1] == {"option": "Online", "count": 2, "percent": 100.0}
    assert (useful["answered"], useful["average"]) == (1, 4.0)
    assert ideas["texts"] == ["Ćwiczenia z żółwiem", "Więcej warsztatów z ćwiczeniami."]
    answer = boss.http.get(f"/api/surveys/{survey_id}/results?format=csv")
    assert answer.status_code == 200 and answer.content_type.startswith("text/csv")
    assert "attachment" in answer.headers["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(answer.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    assert lines[0][0] == "Osoba" and len(lines) == 3
    names = {line[0] for line in lines[1:]}
    assert len(names) == 2 and all(names)
    assert ["Ocenianie kształtujące; Narzędzia cyfrowe", "Online", "4", "Więcej warsztatów z ćwiczeniami."] in [
        line[1:] for line in lines[1:]]
    assert anna.http.get(f"/api/surveys/{survey_id}/results").status_code == 404  # members see no results
    assert boss.http.get(f"/api/surveys/{survey_id}/results?format=pdf").status_code == 400
