"""Meetings by e-mail, through a real SMTP server on loopback: the reminder the day before
(`krag meetings-remind`, once, not to those who said no) and word of a meeting moved or
cancelled, each letter with the meeting's .ics."""
from __future__ import annotations

from datetime import timedelta

from icalendar import Calendar
from sqlalchemy import func, select

from server.extensions import db
from server.mailqueue.models import OutgoingMail
from server.meetings.reminders import remind
from tests.apiclient import krag_cli
from tests.integration.forum_helpers import MATH, network_id
from tests.integration.meetings_helpers import now, outcome, planned, stamp

ANNA, JAN, EWA, BOSS = ("anna.nowak@example.org", "jan.kowalski@example.org", "ewa.wisniewska@example.org",
                        "koordynator@example.org")


def ics_of(letter) -> Calendar:
    """The letter's .ics, parsed back."""
    (part,) = [p for p in letter.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert part.get_filename() == "spotkanie.ics" and part.get_param("method") == "PUBLISH"
    return Calendar.from_ical(part.get_content())


def text_of(letter) -> str:
    return letter.get_body(preferencelist=("plain",)).get_content()


def queued() -> int:
    return db.session.scalar(select(func.count()).select_from(OutgoingMail))


def test_the_day_before_each_one_gets_one_reminder_but_not_who_said_no(app, demo, as_user, inbox):
    boss, anna, jan = as_user(BOSS), as_user(ANNA), as_user(JAN)
    math = network_id(MATH)
    soon = planned(boss.id, math, now() + timedelta(hours=20), title="Ułamki na osi")
    later = planned(boss.id, math, now() + timedelta(days=3), title="Za trzy dni")
    called_off = planned(boss.id, math, now() + timedelta(hours=10), title="Odwołane")
    assert outcome(boss, "meeting.cancel", {"id": called_off}) == "applied"
    assert outcome(anna, "meeting.rsvp", {"meeting_id": soon, "answer": "yes"}) == "applied"
    assert outcome(jan, "meeting.rsvp", {"meeting_id": soon, "answer": "no"}) == "applied"
    before = len(inbox.messages)  # the cancellation's letters

    assert krag_cli(app, "meetings-remind").output.strip() == "Przypomnienia: 3"
    letters = inbox.wait_for(before + 3)[before:]
    assert sorted(m["To"] for m in letters) == sorted([ANNA, BOSS, EWA])  # Ewa did not answer; Jan said no
    anna_letter = next(m for m in letters if m["To"] == ANNA)
    assert anna_letter["Subject"].startswith("Przypomnienie: Ułamki na osi — ")
    text = text_of(anna_letter)
    assert text.splitlines()[0] == "Dzień dobry,"
    assert "Sieć matematyków" in text and "ul. Armii Krajowej 14, 36-200 Brzozów" in text
    assert "Daj znać" not in text  # she answered
    assert "Daj znać w Kręgu, czy przyjdziesz." in text_of(next(m for m in letters if m["To"] == EWA))
    (event,) = ics_of(anna_letter).events
    assert str(event["UID"]) == f"{soon}@krag" and str(event["SUMMARY"]) == "Ułamki na osi"

    waiting = queued()
    assert krag_cli(app, "meetings-remind").output.strip() == "Przypomnienia: 0"  # cron, an hour later
    assert queued() == waiting and len(inbox.messages) == before + 3
    assert later and remind(db.session, now() + timedelta(days=2, hours=12)) == 4  # its own day before


def test_a_meeting_moved_to_another_start_is_reminded_again(app, demo, as_user, inbox):
    boss = as_user(BOSS)
    meeting_id = planned(boss.id, network_id(MATH), now() + timedelta(hours=20))
    assert remind(db.session) == 4
    assert remind(db.session) == 0
    assert outcome(boss, "meeting.update", {"id": meeting_id, "starts_at": stamp(now() + timedelta(hours=22)),
                                            "ends_at": stamp(now() + timedelta(hours=24))}) == "applied"
    assert remind(db.session) == 4  # the new start: everyone again
    assert remind(db.session) == 0


def test_a_moved_meeting_is_told_to_the_network_with_its_new_time(app, demo, as_user, inbox):
    boss = as_user(BOSS)
    starts = now() + timedelta(days=10)
    meeting_id = planned(boss.id, network_id(MATH), starts, title="Geometria")
    assert outcome(boss, "meeting.update", {"id": meeting_id, "title": "Geometria w terenie"}) == "applied"
    assert queued() == 0  # a new title moves nothing: no letter
    moved = starts + timedelta(days=1)
    assert outcome(boss, "meeting.update", {"id": meeting_id, "starts_at": stamp(moved),
                                            "ends_at": stamp(moved + timedelta(hours=2)),
                                            "place": "Sala 12"}) == "applied"
    letters = inbox.wait_for(3)
    assert sorted(m["To"] for m in letters) == sorted([ANNA, JAN, EWA])  # not the coordinator who moved it
    letter = next(m for m in letters if m["To"] == ANNA)
    assert letter["Subject"] == "Zmiana: Geometria w terenie — Sieć matematyków"
    text = text_of(letter)
    assert text.splitlines()[0] == "Dzień dobry,"
    assert "Zmieniono termin i miejsce spotkania „Geometria w terenie” (Sieć matematyków)." in text
    assert "Nowe miejsce: Sala 12 (wcześniej: ul. Armii Krajowej 14, 36-200 Brzozów)." in text
    (event,) = ics_of(letter).events
    assert event.start == moved.replace(microsecond=0) and str(event["LOCATION"]) == "Sala 12"
    assert event["SEQUENCE"] == 2 and str(event["STATUS"]) == "CONFIRMED"


def test_a_cancelled_meeting_is_told_with_a_cancelling_ics(app, demo, as_user, inbox):
    boss = as_user(BOSS)
    meeting_id = planned(boss.id, network_id(MATH), now() + timedelta(days=5), title="Stacje powtórkowe")
    assert outcome(boss, "meeting.cancel", {"id": meeting_id}) == "applied"
    letters = inbox.wait_for(3)
    assert sorted(m["To"] for m in letters) == sorted([ANNA, JAN, EWA])
    letter = letters[0]
    assert letter["Subject"] == "Odwołane: Stacje powtórkowe — Sieć matematyków"
    assert "Odwołano spotkanie „Stacje powtórkowe” (Sieć matematyków) zaplanowane na " in text_of(letter)
    cal = ics_of(letter)
    assert str(cal["METHOD"]) == "PUBLISH"
    (event,) = cal.events
    assert str(event["STATUS"]) == "CANCELLED" and str(event["UID"]) == f"{meeting_id}@krag"
    assert outcome(boss, "meeting.cancel", {"id": meeting_id}) == "applied"  # again, from her tablet
    assert queued() == 3  # nobody is told twice


def test_a_past_meeting_corrected_afterwards_tells_nobody(app, demo, as_user):
    boss = as_user(BOSS)
    held = now() - timedelta(days=2)
    meeting_id = planned(boss.id, network_id(MATH), held)
    assert outcome(boss, "meeting.update", {"id": meeting_id, "ends_at": stamp(held + timedelta(hours=3))}) == "applied"
    assert queued() == 0
