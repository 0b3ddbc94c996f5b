"""Meetings planned, changed, cancelled and answered: docs/sync-protocol.md ("meeting", "rsvp",
"meeting_code") and docs/roles.md. Bad input is a rejected mutation with Polish field errors."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest

from sqlalchemy import select

from server.extensions import db
from server.hooks import Hook
from server.meetings import services
from server.networks import publish
from server.networks.models import Membership
from server.syncing.engine import engine
from tests.integration import world as worlds
from tests.integration.forum_helpers import MATH, network_id
from tests.integration.meetings_helpers import (
    WARSAW, as_coordinator, meeting_args, now, outcome, planned, result, stamp,
)

ANNA, JAN, PIOTR, BOSS = ("anna.nowak@example.org", "jan.kowalski@example.org", "piotr.zielinski@example.org",
                          "koordynator@example.org")
POLAND = "ul. Armii Krajowej 14, 36-200 Brzozów"  # the demo Poradnia's address


def test_a_coordinator_plans_a_meeting_and_the_network_sees_it(app, demo, as_user):
    boss, anna, piotr = as_user(BOSS), as_user(ANNA), as_user(PIOTR)
    starts = datetime(2027, 1, 14, 15, 30, tzinfo=WARSAW)
    args = meeting_args(network_id(MATH), starts, 2.5, title="  Ocenianie kształtujące  ",
                        agenda=[{"time": "15:30", "topic": " Powitanie ", "who": "Małgorzata Lis"},
                                {"time": None, "topic": "Warsztaty"}],
                        links=[{"title": "Prezentacja", "url": "https://example.org/slajdy"}],
                        online_url="https://meet.example.org/siec")
    assert result(boss, "meeting.create", args)["status"] == "applied"
    row = anna.rows("meeting")[args["id"]]
    assert row == {
        "id": args["id"], "network_id": network_id(MATH), "title": "Ocenianie kształtujące",
        "starts_at": "2027-01-14T14:30:00.000Z", "ends_at": "2027-01-14T17:00:00.000Z", "place": POLAND,
        "agenda": [{"time": "15:30", "topic": "Powitanie", "who": "Małgorzata Lis"},
                   {"time": None, "topic": "Warsztaty", "who": ""}],
        "links": [{"title": "Prezentacja", "url": "https://example.org/slajdy"}],
        "online_url": "https://meet.example.org/siec", "status": "planned", "expert_ids": [],
        "created_by": boss.id, "created_at": row["created_at"], "edited_at": None,
    }
    assert args["id"] not in piotr.rows("meeting")  # not in the network
    assert args["id"] not in anna.rows("meeting_code")  # the code is the coordinator's
    code = boss.rows("meeting_code")[args["id"]]
    assert code["meeting_id"] == args["id"] and len(code["code"]) == 6 and code["code"].isdigit()


def test_update_changes_what_is_given_and_cancel_keeps_it_visible(app, demo, as_user):
    boss, anna = as_user(BOSS), as_user(ANNA)
    args = meeting_args(network_id(MATH), place="Sala 12")
    assert result(boss, "meeting.create", args)["status"] == "applied"
    assert result(boss, "meeting.update", {"id": args["id"], "title": "Nowy tytuł", "place": None})["status"] == "applied"
    row = anna.rows("meeting")[args["id"]]
    assert (row["title"], row["place"], row["starts_at"]) == ("Nowy tytuł", POLAND, row["starts_at"])
    assert row["edited_at"] is not None
    assert result(boss, "meeting.cancel", {"id": args["id"]})["status"] == "applied"
    assert anna.rows("meeting")[args["id"]]["status"] == "cancelled"
    assert result(boss, "meeting.cancel", {"id": args["id"]})["status"] == "applied"  # from her other device
    refused = result(boss, "meeting.update", {"id": args["id"], "title": "Jeszcze raz"})
    assert refused["error"]["code"] == "cancelled"
    assert result(anna, "meeting.rsvp", {"meeting_id": args["id"], "answer": "yes"})["error"]["code"] == "cancelled"


def test_a_member_answers_and_the_network_sees_her_answer(app, demo, as_user):
    boss, anna, jan = as_user(BOSS), as_user(ANNA), as_user(JAN)
    meeting_id = planned(boss.id, network_id(MATH))
    assert outcome(anna, "meeting.rsvp", {"meeting_id": meeting_id, "answer": "maybe"}) == "applied"
    assert outcome(anna, "meeting.rsvp", {"meeting_id": meeting_id, "answer": "yes"}) == "applied"
    assert outcome(boss, "meeting.rsvp", {"meeting_id": meeting_id, "answer": "no"}) == "applied"
    answers = jan.rows("rsvp")
    mine = answers[f"{meeting_id}:{anna.id}"]
    assert mine == {"id": f"{meeting_id}:{anna.id}", "meeting_id": meeting_id, "user_id": anna.id, "answer": "yes",
                    "at": mine["at"]}
    assert answers[f"{meeting_id}:{boss.id}"]["answer"] == "no"
    past = planned(boss.id, network_id(MATH), now() - timedelta(days=3))
    assert result(anna, "meeting.rsvp", {"meeting_id": past, "answer": "yes"})["error"]["code"] == "past"
    assert outcome(as_user(PIOTR), "meeting.rsvp", {"meeting_id": meeting_id, "answer": "yes"}) == "forbidden"


def test_experts_of_the_network_are_linked_to_a_meeting(app, as_user):
    w = worlds.build(db.session)
    boss = as_user(w.emails["coordinator"])
    args = meeting_args(w.network_id, expert_ids=[w.users["expert"]])
    assert outcome(boss, "meeting.create", args) == "applied"
    assert as_user(w.emails["expert"]).rows("meeting")[args["id"]]["expert_ids"] == [w.users["expert"]]
    for not_an_expert in (w.users["member"], w.users["outsider"], str(uuid.uuid4())):
        refused = result(boss, "meeting.create", meeting_args(w.network_id, expert_ids=[not_an_expert]))
        assert refused["error"]["code"] == "invalid" and "ekspert" in refused["error"]["fields"]["expert_ids"][0]
    # Her last day passes: the form sent again whole keeps her, but nobody new is linked past theirs.
    with engine.writing(db.session, w.users["expert"]) as ctx:
        expert = db.session.scalars(select(Membership).where(Membership.user_id == w.users["expert"])).one()
        expert.expires_at = now() - timedelta(minutes=1)
        publish.membership(ctx, expert)
    assert outcome(boss, "meeting.update", {"id": args["id"], "title": "Z ekspertką",
                                            "expert_ids": [w.users["expert"]]}) == "applied"
    assert outcome(boss, "meeting.create", meeting_args(w.network_id, expert_ids=[w.users["expert"]])) == "invalid"


def test_an_archived_network_takes_no_meetings(app, demo, as_user):
    boss = as_user(BOSS)
    meeting_id = planned(boss.id, network_id(MATH))
    as_coordinator(boss.id, "network.archive", {"network_id": network_id(MATH)})
    assert outcome(boss, "meeting.create", meeting_args(network_id(MATH))) == "archived"
    assert outcome(boss, "meeting.update", {"id": meeting_id, "title": "Po archiwizacji"}) == "archived"
    assert outcome(as_user(ANNA), "meeting.rsvp", {"meeting_id": meeting_id, "answer": "yes"}) == "archived"
    assert outcome(boss, "attendance.set", {"meeting_id": meeting_id, "user_id": as_user(ANNA).id, "present": True,
                                            "at": stamp(now())}) == "archived"


START = datetime(2027, 2, 10, 15, 0, tzinfo=WARSAW)
BAD = [
    ({"ends_at": stamp(START - timedelta(minutes=1))}, "ends_at", "Spotkanie musi się kończyć po swoim początku."),
    ({"ends_at": stamp(START)}, "ends_at", "Spotkanie musi się kończyć po swoim początku."),
    ({"ends_at": stamp(START + timedelta(hours=12, minutes=15))}, "ends_at", "Spotkanie może trwać najwyżej 12 godzin."),
    ({"starts_at": "2027-02-10T15:00:00"}, "starts_at", "Podaj datę i godzinę ze strefą czasową"),
    ({"ends_at": "2027-02-10 17:00"}, "ends_at", "Podaj datę i godzinę ze strefą czasową"),
    ({"starts_at": "jutro o 15"}, "starts_at", "Niepoprawna data i godzina."),
    ({"starts_at": "9999-12-31T23:30:00-01:00"}, "starts_at", "Podaj datę z lat 2000–2999."),  # no UTC for it
    ({"title": ""}, "title", "Tytuł spotkania musi mieć od 1 do 200 znaków."),
    ({"title": "t" * 201}, "title", "Tytuł spotkania musi mieć od 1 do 200 znaków."),
    ({"place": "p" * 301}, "place", "Miejsce może mieć najwyżej 300 znaków."),
    ({"agenda": [{"topic": "x"}] * 31}, "agenda", "Program może mieć najwyżej 30 punktów."),
    ({"agenda": [{"time": "25:00", "topic": "x"}]}, "agenda", "Podaj godzinę jako GG:MM"),
    ({"agenda": [{"time": "10:00", "topic": ""}]}, "agenda", "Temat punktu musi mieć od 1 do 300 znaków."),
    ({"agenda": [{"topic": "x", "kolor": "red"}]}, "agenda", "Nieznane pole."),
    ({"agenda": "program"}, "agenda", "Oczekiwano listy."),
    ({"links": [{"title": "a", "url": "javascript:alert(1)"}]}, "links", "http:// albo https://"),
    ({"links": [{"url": "https://example.org"}] * 21}, "links", "Najwyżej 20 linków."),
    ({"online_url": "ftp://example.org"}, "online_url", "http:// albo https://"),
    ({"expert_ids": ["nie-uuid"]}, "expert_ids", "To nie jest poprawny identyfikator (UUID)."),
    ({"status": "cancelled"}, "status", "Nieznane pole."),
]


@pytest.mark.parametrize("change,field,message", BAD, ids=[f"{b[1]}{i}" for i, b in enumerate(BAD)])
def test_bad_meetings_are_rejected_with_polish_reasons(app, demo, as_user, change, field, message):
    outcome_ = result(as_user(BOSS), "meeting.create", meeting_args(network_id(MATH), START) | change)
    assert outcome_["status"] == "rejected" and outcome_["error"]["code"] == "invalid"
    assert message in str(outcome_["error"]["fields"][field])


def test_an_update_is_held_to_the_length_with_the_stored_times(app, demo, as_user):
    boss = as_user(BOSS)
    meeting_id = planned(boss.id, network_id(MATH), START, hours=2)
    too_early = result(boss, "meeting.update", {"id": meeting_id, "ends_at": stamp(START - timedelta(hours=1))})
    assert too_early["error"]["fields"] == {"ends_at": ["Spotkanie musi się kończyć po swoim początku."]}
    too_long = result(boss, "meeting.update", {"id": meeting_id, "starts_at": stamp(START - timedelta(hours=11))})
    assert too_long["error"]["fields"] == {"ends_at": ["Spotkanie może trwać najwyżej 12 godzin."]}
    assert outcome(boss, "meeting.update", {"id": meeting_id, "ends_at": "2027-02-10T17:00:00"}) == "invalid"
    assert outcome(boss, "meeting.update", {"id": str(uuid.uuid4()), "title": "x"}) == "not_found"


def test_missing_fields_are_named(app, demo, as_user):
    refused = result(as_user(BOSS), "meeting.create", {"network_id": network_id(MATH)})
    assert refused["error"]["fields"] == {f: ["To pole jest wymagane."] for f in ("id", "title", "starts_at", "ends_at")}


@pytest.mark.parametrize("day,utc", [
    ((2027, 3, 28), "2027-03-28T08:00:00.000Z"),  # the last Sunday of March: summer time began at 02:00
    ((2026, 10, 25), "2026-10-25T09:00:00.000Z"),  # the last Sunday of October: back to winter time at 03:00
])
def test_ten_o_clock_in_warsaw_on_the_days_the_clocks_change(app, demo, as_user, day, utc):
    boss = as_user(BOSS)
    args = meeting_args(network_id(MATH), datetime(*day, 10, 0, tzinfo=WARSAW), 2)
    assert result(boss, "meeting.create", args)["status"] == "applied"
    row = boss.rows("meeting")[args["id"]]
    assert row["starts_at"] == utc
    assert datetime.fromisoformat(row["starts_at"]).astimezone(WARSAW).strftime("%H:%M") == "10:00"


def test_a_meeting_across_the_change_counts_the_hours_that_passed(app, demo, as_user):
    """01:00–04:00 on the night summer time begins is two hours, not three."""
    boss, anna = as_user(BOSS), as_user(ANNA)
    args = meeting_args(network_id(MATH), datetime(2027, 3, 28, 1, 0, tzinfo=WARSAW))
    args["ends_at"] = datetime(2027, 3, 28, 4, 0, tzinfo=WARSAW).isoformat()
    assert args["starts_at"].endswith("+01:00") and args["ends_at"].endswith("+02:00")
    assert result(boss, "meeting.create", args)["status"] == "applied"
    assert outcome(boss, "attendance.set", {"meeting_id": args["id"], "user_id": anna.id, "present": True,
                                            "at": args["starts_at"]}) == "applied"
    assert anna.rows("attendance")[f"{args['id']}:{anna.id}"]["hours"] == 2.0


def test_moving_or_cancelling_tells_the_hook_in_the_same_mutation(app, demo, as_user, monkeypatch):
    heard = []
    hook = Hook("a meeting is moved or cancelled")
    hook.connect(lambda ctx, meeting, was: heard.append((meeting.id, meeting.status, sorted(was))))
    monkeypatch.setattr(services, "changed", hook)
    boss = as_user(BOSS)
    meeting_id = planned(boss.id, network_id(MATH), START)
    assert outcome(boss, "meeting.update", {"id": meeting_id, "title": "Tylko tytuł"}) == "applied"
    assert heard == []
    assert outcome(boss, "meeting.update", {"id": meeting_id, "starts_at": stamp(START + timedelta(hours=1)),
                                            "ends_at": stamp(START + timedelta(hours=3))}) == "applied"
    assert outcome(boss, "meeting.update", {"id": meeting_id, "place": "Sala 3"}) == "applied"
    assert outcome(boss, "meeting.cancel", {"id": meeting_id}) == "applied"
    assert heard == [(meeting_id, "planned", ["ends_at", "starts_at"]), (meeting_id, "planned", ["place"]),
                     (meeting_id, "cancelled", ["status"])]


def test_files_hang_under_a_meeting(app, demo, as_user):
    from tests.integration.files_helpers import attach, pdf

    boss, anna = as_user(BOSS), as_user(ANNA)
    meeting_id = planned(boss.id, network_id(MATH))
    attachment_id, added = attach(boss, pdf(), "program.pdf", meeting_id=meeting_id)
    assert added["status"] == "applied"
    row = anna.rows("attachment")[attachment_id]
    assert (row["meeting_id"], row["post_id"], row["resource_id"]) == (meeting_id, None, None)
    assert anna.http.get(f"/api/attachments/{attachment_id}").data == pdf()
    _, refused = attach(anna, pdf(), meeting_id=meeting_id)
    assert refused["error"]["code"] == "forbidden"
    _, two = attach(boss, pdf(), meeting_id=meeting_id, post_id=str(uuid.uuid4()))
    assert two["error"]["code"] == "invalid" and set(two["error"]["fields"]) == {"meeting_id", "post_id"}
    as_coordinator(boss.id, "meeting.cancel", {"id": meeting_id})
    assert attach(boss, pdf(), meeting_id=meeting_id)[1]["error"]["code"] == "cancelled"


def test_the_demo_has_this_years_meetings(app, demo, as_user):
    """One held already, with attendance taken; the next ones planned."""
    anna = as_user(ANNA)
    meetings = sorted(anna.rows("meeting").values(), key=lambda m: m["starts_at"])
    assert len(meetings) >= 3 and {m["network_id"] for m in meetings} == {network_id(MATH)}
    held = [m for m in meetings if datetime.fromisoformat(m["ends_at"]) < now()]
    assert len(held) == 1 and len(meetings) - len(held) >= 2
    mine = anna.rows("attendance")[f"{held[0]['id']}:{anna.id}"]
    assert mine["present"] is True and mine["hours"] > 0
