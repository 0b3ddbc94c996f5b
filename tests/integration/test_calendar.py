"""Meetings in calendar apps: her private feed (GET /calendar/<token>.ics, no session, reset by
calendar.reset), one meeting's .ics (GET /api/meetings/<id>.ics), each parsed back with icalendar
and held to RFC 5545 — Warsaw's time zone defined in the file, across a change of clocks too."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from icalendar import Calendar

from server.extensions import db
from tests.integration import world as worlds
from tests.integration.forum_helpers import GIFTED, MATH, network_id
from tests.integration.meetings_helpers import WARSAW, outcome, planned
from tests.integration.server_writes import last_day_passes

ANNA, PIOTR, BOSS = "anna.nowak@example.org", "piotr.zielinski@example.org", "koordynator@example.org"
UTC = timezone.utc


def feed_url(client) -> str:
    """Her feed's address, made by calendar.reset the first time (as the PWA's button does)."""
    url = client.http.get("/api/me").get_json()["calendar_url"]
    if url is None:
        assert outcome(client, "calendar.reset", {}) == "applied"
        url = client.http.get("/api/me").get_json()["calendar_url"]
    return url


def fetch(app, url: str):
    """As a calendar app asks: no cookie, no session."""
    return app.test_client().get(url.removeprefix("http://127.0.0.1:5000"))


def parsed(response) -> Calendar:
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/calendar" and response.mimetype_params["charset"] == "utf-8"
    cal = Calendar.from_ical(response.get_data())
    cal.validate()  # PRODID, VERSION
    assert str(cal["VERSION"]) == "2.0"
    (zone,) = cal.timezones
    assert str(zone["TZID"]) == "Europe/Warsaw"
    for event in cal.events:
        assert event.get("UID") and event.get("DTSTAMP") and event.get("DTSTART") and event.get("DTEND")
        assert event["DTSTART"].params["TZID"] == "Europe/Warsaw" and event["DTEND"].params["TZID"] == "Europe/Warsaw"
    return cal


def by_uid(cal: Calendar) -> dict:
    return {str(e["UID"]): e for e in cal.events}


def test_her_feed_holds_her_networks_meetings_until_she_resets_it(app, demo, as_user):
    boss, anna, piotr = as_user(BOSS), as_user(ANNA), as_user(PIOTR)
    assert anna.http.get("/api/me").get_json()["calendar_url"] is None  # a GET never makes one
    agenda = [{"time": "15:00", "topic": "Powitanie", "who": "Małgorzata Lis"}, {"time": None, "topic": "Warsztaty"}]
    links = [{"title": "Prezentacja", "url": "https://example.org/slajdy"}]
    meeting_id = planned(boss.id, network_id(MATH), datetime(2027, 3, 11, 15, 0, tzinfo=WARSAW), title="Ułamki, część 2",
                         place="Sala 12; piętro 1", agenda=agenda, links=links, online_url="https://meet.example.org/m")
    other = planned(boss.id, network_id(GIFTED), title="Uczeń zdolny")

    url = feed_url(anna)
    assert url.startswith("http://127.0.0.1:5000/calendar/") and url.endswith(".ics")
    events = by_uid(parsed(fetch(app, url)))
    assert f"{other}@krag" not in events  # not her network
    assert len(events) == 4  # the demo's three meetings of the mathematicians, and this one
    event = events[f"{meeting_id}@krag"]
    assert str(event["SUMMARY"]) == "Ułamki, część 2" and str(event["LOCATION"]) == "Sala 12; piętro 1"
    assert event.start == datetime(2027, 3, 11, 14, 0, tzinfo=UTC) and event.end == datetime(2027, 3, 11, 16, 0, tzinfo=UTC)
    assert str(event["STATUS"]) == "CONFIRMED" and event["SEQUENCE"] == 0
    description = str(event["DESCRIPTION"])
    assert "Sieć: Sieć matematyków" in description and "15:00 Powitanie — Małgorzata Lis" in description
    assert "\nWarsztaty" in description and "Prezentacja: https://example.org/slajdy" in description
    assert "Spotkanie online: https://meet.example.org/m" in description
    assert f"http://127.0.0.1:5000/#/m/{meeting_id}" in description
    assert f"{other}@krag" in by_uid(parsed(fetch(app, feed_url(piotr))))

    assert outcome(anna, "calendar.reset", {}) == "applied"  # she gave the address away by mistake
    gone = fetch(app, url)
    assert gone.status_code == 404 and gone.get_json()["error"]["code"] == "not_found"
    new_url = anna.http.get("/api/me").get_json()["calendar_url"]
    assert new_url != url and f"{meeting_id}@krag" in by_uid(parsed(fetch(app, new_url)))
    assert fetch(app, "/calendar/nie-ma-takiego.ics").status_code == 404


def test_edits_keep_the_uid_count_in_sequence_and_a_cancelled_meeting_says_so(app, demo, as_user):
    boss, anna = as_user(BOSS), as_user(ANNA)
    meeting_id = planned(boss.id, network_id(MATH))
    url = feed_url(anna)
    assert outcome(boss, "meeting.update", {"id": meeting_id, "title": "Nowy tytuł"}) == "applied"
    event = by_uid(parsed(fetch(app, url)))[f"{meeting_id}@krag"]
    assert str(event["SUMMARY"]) == "Nowy tytuł" and event["SEQUENCE"] == 1
    assert outcome(boss, "meeting.cancel", {"id": meeting_id}) == "applied"
    event = by_uid(parsed(fetch(app, url)))[f"{meeting_id}@krag"]
    assert str(event["STATUS"]) == "CANCELLED" and event["SEQUENCE"] == 2
    assert str(event["DESCRIPTION"]).startswith("Spotkanie odwołane.")


def test_the_clocks_change_and_the_file_itself_says_the_right_hour(app, demo, as_user):
    """Poland leaves summer time on 31 October 2027: 15:00 is 13:00 UTC the day before, 14:00 after.
    The hour is read through the file's own VTIMEZONE, not the reader's time-zone database."""
    boss, anna = as_user(BOSS), as_user(ANNA)
    before = planned(boss.id, network_id(MATH), datetime(2027, 10, 30, 15, 0, tzinfo=WARSAW))
    after = planned(boss.id, network_id(MATH), datetime(2027, 11, 1, 15, 0, tzinfo=WARSAW))
    cal = parsed(fetch(app, feed_url(anna)))
    own = cal.timezones[0].to_tz(lookup_tzid=False)  # Warsaw as the file defines it
    events = by_uid(cal)
    for meeting_id, utc_hour in ((before, 13), (after, 14)):
        event = events[f"{meeting_id}@krag"]
        local = event["DTSTART"].dt.replace(tzinfo=None)
        assert local.hour == 15  # written in Warsaw's time
        assert local.replace(tzinfo=own).astimezone(UTC).hour == utc_hour
        assert event.start.astimezone(UTC).hour == utc_hour
    single = parsed(anna.http.get(f"/api/meetings/{after}.ics"))
    assert single.events[0].start == datetime(2027, 11, 1, 14, 0, tzinfo=UTC)


def test_one_meeting_for_whoever_holds_it(app, demo, as_user):
    boss, anna, piotr = as_user(BOSS), as_user(ANNA), as_user(PIOTR)
    meeting_id = planned(boss.id, network_id(MATH), title="Egzamin próbny")
    response = anna.http.get(f"/api/meetings/{meeting_id}.ics")
    (event,) = parsed(response).events
    assert str(event["UID"]) == f"{meeting_id}@krag" and str(event["SUMMARY"]) == "Egzamin próbny"
    assert response.headers["Content-Disposition"] == 'attachment; filename="spotkanie.ics"'
    assert parsed(boss.http.get(f"/api/meetings/{meeting_id}.ics")).events  # the coordinator (an admin too)
    for refused in (piotr.http.get(f"/api/meetings/{meeting_id}.ics"),  # not her network
                    anna.http.get(f"/api/meetings/{uuid.uuid4()}.ics")):
        assert refused.status_code == 404 and refused.get_json()["error"]["code"] == "not_found"
    signed_out = app.test_client().get(f"/api/meetings/{meeting_id}.ics")
    assert signed_out.status_code == 401 and signed_out.get_json()["error"]["code"] == "unauthorized"


def test_an_expert_sees_the_meetings_until_her_last_day(app, as_user):
    w = worlds.build(db.session)
    meeting_id = planned(w.users["coordinator"], w.network_id, title="Z ekspertem")
    expert = as_user(w.emails["expert"])
    url = feed_url(expert)
    assert f"{meeting_id}@krag" in by_uid(parsed(fetch(app, url)))
    assert expert.http.get(f"/api/meetings/{meeting_id}.ics").status_code == 200
    last_day_passes(w.users["expert"])
    assert by_uid(parsed(fetch(app, url))) == {}
    assert expert.http.get(f"/api/meetings/{meeting_id}.ics").status_code == 404
    assert by_uid(parsed(fetch(app, feed_url(as_user(w.emails["outsider"]))))) == {}  # empty, yet a calendar
