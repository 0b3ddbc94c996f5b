"""Attendance taken offline on two devices, hours, and self check-in: docs/sync-protocol.md
("attendance", attendance.set, attendance.hours, attendance.check_in)."""
from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from server.extensions import db
from tests.integration import world as worlds
from tests.integration.forum_helpers import MATH, network_id
from tests.integration.meetings_helpers import as_coordinator, code_of, now, outcome, planned, result, stamp

ANNA, JAN, EWA, PIOTR, BOSS = ("anna.nowak@example.org", "jan.kowalski@example.org", "ewa.wisniewska@example.org",
                               "piotr.zielinski@example.org", "koordynator@example.org")


def mark(meeting_id: str, user_id: str, present: bool, at) -> tuple[str, dict]:
    return "attendance.set", {"meeting_id": meeting_id, "user_id": user_id, "present": present, "at": stamp(at)}


@pytest.mark.parametrize("first", ["phone", "tablet"])
def test_two_devices_taking_one_list_offline_merge_per_person(app, demo, as_user, first):
    """The coordinator's phone and a helper's tablet (both hers) mark the same list with no signal;
    whichever syncs first, each person ends as the mark tapped last says."""
    boss = as_user(BOSS)
    phone, tablet = as_user(BOSS), as_user(BOSS)  # two devices: two client ids
    anna, jan, ewa = as_user(ANNA), as_user(JAN), as_user(EWA)
    start = now() - timedelta(hours=1)
    meeting_id = planned(boss.id, network_id(MATH), start)
    t = [start + timedelta(minutes=m) for m in range(10)]
    queued = {
        "phone": [mark(meeting_id, anna.id, True, t[1]), mark(meeting_id, jan.id, True, t[2]),
                  mark(meeting_id, jan.id, False, t[6])],  # Jan left early: tapped again later
        "tablet": [mark(meeting_id, anna.id, False, t[3]), mark(meeting_id, jan.id, True, t[4]),
                   mark(meeting_id, ewa.id, True, t[5])],
    }
    second = "tablet" if first == "phone" else "phone"
    for device in (first, second):
        client = phone if device == "phone" else tablet
        assert all(r["status"] == "applied" for r in client.push(*queued[device]).get_json()["results"])
    expected = {anna.id: (False, t[3]), jan.id: (False, t[6]), ewa.id: (True, t[5])}
    for device in (phone, tablet):
        rows = device.rows("attendance")
        got = {r["user_id"]: (r["present"], r["at"]) for r in rows.values() if r["meeting_id"] == meeting_id}
        assert got == {u: (p, stamp_utc(at)) for u, (p, at) in expected.items()}
    assert anna.rows("attendance")[f"{meeting_id}:{anna.id}"]["present"] is False
    assert ewa.rows("attendance")[f"{meeting_id}:{ewa.id}"]["present"] is True


def stamp_utc(moment) -> str:
    from server.db import iso

    return iso(moment.replace(microsecond=(moment.microsecond // 1000) * 1000))


def test_at_the_same_instant_present_wins_in_either_order(app, demo, as_user):
    boss, anna = as_user(BOSS), as_user(ANNA)
    at = now() - timedelta(minutes=30)
    for order in ((True, False), (False, True)):
        meeting_id = planned(boss.id, network_id(MATH), now() - timedelta(hours=1))
        boss.push(*[mark(meeting_id, anna.id, present, at) for present in order])
        assert anna.rows("attendance")[f"{meeting_id}:{anna.id}"]["present"] is True


def test_hours_follow_the_meeting_and_the_coordinators_corrections(app, demo, as_user):
    boss, anna, jan = as_user(BOSS), as_user(ANNA), as_user(JAN)
    meeting_id = planned(boss.id, network_id(MATH), now() - timedelta(hours=3), hours=2.5)
    boss.push(mark(meeting_id, anna.id, True, now()), mark(meeting_id, jan.id, False, now()))
    rows = boss.rows("attendance")
    assert (rows[f"{meeting_id}:{anna.id}"]["hours"], rows[f"{meeting_id}:{jan.id}"]["hours"]) == (2.5, 0)
    assert outcome(boss, "attendance.hours", {"meeting_id": meeting_id, "user_id": anna.id, "hours": 1.75}) == "applied"
    mine = anna.rows("attendance")[f"{meeting_id}:{anna.id}"]
    assert (mine["hours"], mine["hours_corrected"], mine["present"]) == (1.75, True, True)
    # The meeting turns out longer: uncorrected hours follow, corrected ones stay.
    meeting = boss.rows("meeting")[meeting_id]
    from datetime import datetime
    longer = datetime.fromisoformat(meeting["starts_at"]) + timedelta(hours=3)
    boss.push(mark(meeting_id, jan.id, True, now()), ("meeting.update", {"id": meeting_id, "ends_at": stamp(longer)}))
    rows = boss.rows("attendance")
    assert (rows[f"{meeting_id}:{anna.id}"]["hours"], rows[f"{meeting_id}:{jan.id}"]["hours"]) == (1.75, 3.0)
    assert outcome(boss, "attendance.hours", {"meeting_id": meeting_id, "user_id": anna.id, "hours": None}) == "applied"
    assert anna.rows("attendance")[f"{meeting_id}:{anna.id}"]["hours"] == 3.0
    for bad, message in ((12.25, "Podaj od 0 do 12 godzin."), (-1, "Podaj od 0 do 12 godzin."),
                         (1.1, "co kwadrans"), ("dwie", "Podaj liczbę.")):
        refused = result(boss, "attendance.hours", {"meeting_id": meeting_id, "user_id": anna.id, "hours": bad})
        assert refused["error"]["code"] == "invalid" and message in refused["error"]["fields"]["hours"][0]


def test_attendance_only_for_people_of_the_network(app, demo, as_user):
    boss = as_user(BOSS)
    meeting_id = planned(boss.id, network_id(MATH), now() - timedelta(hours=1))
    for someone in (as_user(PIOTR).id, str(uuid.uuid4())):
        refused = result(boss, *mark(meeting_id, someone, True, now()))
        assert refused["error"]["code"] == "invalid"
        assert refused["error"]["fields"] == {"user_id": ["Ta osoba nie należy do sieci."]}
    refused = result(boss, "attendance.set", {"meeting_id": meeting_id, "user_id": as_user(ANNA).id, "present": True,
                                              "at": "2026-12-03T10:00:00"})
    assert refused["error"]["fields"]["at"] == ["Podaj datę i godzinę ze strefą czasową (np. 2026-12-03T10:00:00+01:00)."]
    cancelled = planned(boss.id, network_id(MATH))
    as_coordinator(boss.id, "meeting.cancel", {"id": cancelled})
    assert result(boss, *mark(cancelled, as_user(ANNA).id, True, now()))["error"]["code"] == "cancelled"


def check_in(meeting_id: str, code: str, at) -> tuple[str, dict]:
    return "attendance.check_in", {"meeting_id": meeting_id, "code": code, "at": stamp(at)}


def test_she_checks_herself_in_during_the_meeting(app, demo, as_user):
    boss, anna = as_user(BOSS), as_user(ANNA)
    meeting_id = planned(boss.id, network_id(MATH), now() + timedelta(minutes=20))  # opens 30 minutes before
    assert result(anna, *check_in(meeting_id, code_of(meeting_id), now()))["status"] == "applied"
    mine = anna.rows("attendance")[f"{meeting_id}:{anna.id}"]
    assert (mine["present"], mine["checked_in"], mine["hours"]) == (True, True, 2.0)
    assert boss.rows("attendance")[f"{meeting_id}:{anna.id}"]["checked_in"] is True


def test_a_wrong_code_and_a_closed_window_are_said_in_polish(app, demo, as_user):
    boss, anna = as_user(BOSS), as_user(ANNA)
    early = planned(boss.id, network_id(MATH), now() + timedelta(minutes=45))
    wrong = "000000" if code_of(early) != "000000" else "111111"
    refused = result(anna, *check_in(early, wrong, now()))
    assert refused["error"]["code"] == "invalid"
    assert refused["error"]["fields"]["code"] == ["Nieprawidłowy kod. Sprawdź go na ekranie koordynatora i wpisz jeszcze raz."]
    assert result(anna, *check_in(early, "12a", now()))["error"]["fields"]["code"] == ["Kod to 6 cyfr."]
    too_early = result(anna, *check_in(early, code_of(early), now()))["error"]
    assert too_early["code"] == "outside_window" and "30 minut przed" in too_early["message"]
    ended = planned(boss.id, network_id(MATH), now() - timedelta(hours=3))
    assert outcome(anna, *check_in(ended, code_of(ended), now())) == "outside_window"
    ahead = planned(boss.id, network_id(MATH), now() + timedelta(hours=2))  # her clock says it has begun: it has not
    assert outcome(anna, *check_in(ahead, code_of(ahead), now() + timedelta(hours=2, minutes=10))) == "outside_window"
    assert not {f"{m}:{anna.id}" for m in (early, ended, ahead)} & set(anna.rows("attendance"))


def test_a_check_in_made_offline_counts_when_it_arrives(app, demo, as_user):
    """She scanned the code in a room with no signal; her phone pushes it an hour after the meeting."""
    boss, anna, jan = as_user(BOSS), as_user(ANNA), as_user(JAN)
    meeting_id = planned(boss.id, network_id(MATH), now() - timedelta(hours=3))  # ended an hour ago
    code = code_of(meeting_id)
    assert result(anna, *check_in(meeting_id, code, now() - timedelta(hours=2, minutes=50)))["status"] == "applied"
    assert anna.rows("attendance")[f"{meeting_id}:{anna.id}"]["present"] is True
    # Jan's phone was off during the meeting: a check-in made after its end does not count.
    assert outcome(jan, *check_in(meeting_id, code, now() - timedelta(minutes=30))) == "outside_window"


def test_a_later_mark_by_the_coordinator_wins_over_a_check_in(app, demo, as_user):
    boss, anna = as_user(BOSS), as_user(ANNA)
    meeting_id = planned(boss.id, network_id(MATH), now() - timedelta(minutes=20))
    assert outcome(anna, *check_in(meeting_id, code_of(meeting_id), now() - timedelta(minutes=15))) == "applied"
    assert outcome(boss, *mark(meeting_id, anna.id, False, now() - timedelta(minutes=5))) == "applied"
    assert outcome(anna, *check_in(meeting_id, code_of(meeting_id), now() - timedelta(minutes=10))) == "applied"
    mine = anna.rows("attendance")[f"{meeting_id}:{anna.id}"]
    assert (mine["present"], mine["checked_in"]) == (False, False)


def test_what_each_device_pulls(app, as_user):
    """A member: the meetings, everyone's answers, only her own attendance, no codes. The
    coordinator and the Poradnia's admin: the whole list and the codes."""
    w = worlds.build(db.session)
    boss, member, expert, admin, outsider = (as_user(w.emails[r]) for r in ("coordinator", "member", "expert",
                                                                            "admin", "outsider"))
    meeting_id = planned(boss.id, w.network_id, now() - timedelta(hours=1))
    boss.push(mark(meeting_id, member.id, True, now()), mark(meeting_id, expert.id, True, now()))
    member.push(("meeting.rsvp", {"meeting_id": planned(boss.id, w.network_id), "answer": "yes"}))
    mine, theirs = f"{meeting_id}:{member.id}", f"{meeting_id}:{expert.id}"
    for who in (member, expert):
        assert meeting_id in who.rows("meeting") and len(who.rows("rsvp")) == 1
        assert set(who.rows("attendance")) == {f"{meeting_id}:{who.id}"} and who.rows("meeting_code") == {}
    for who in (boss, admin):
        assert meeting_id in who.rows("meeting") and set(who.rows("attendance")) == {mine, theirs}
        assert set(who.rows("meeting_code")) >= {meeting_id}
    assert set(boss.rows("rsvp")) == set(member.rows("rsvp"))
    for nobody in (outsider, as_user(w.emails["staff"])):
        assert nobody.rows("meeting") == nobody.rows("attendance") == nobody.rows("meeting_code") == {}
