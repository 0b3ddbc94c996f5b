"""Meetings on phones: a coordinator plans one in Warsaw time (the place is the Poradnia's
unless she says otherwise; a meeting that ends before it starts is refused on its field), a
member answers that she comes, and the coordinator sees the count and her name."""
from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from e2e.helpers import check_screen
from e2e.meetings_steps import ANNA, COORDINATOR, open_meeting, open_meetings, plan_meeting
from e2e.networks import wait_synced

TITLE = "Matematyka w ruchu: gry na przerwie"
NEXT = "Egzamin ósmoklasisty: zadania otwarte"  # the demo's next meeting


def summer_day() -> str:
    """A Thursday after the clocks go forward next (late March): Warsaw is UTC+2 then."""
    year = date.today().year + (1 if date.today() >= date(date.today().year, 3, 20) else 0)
    day = date(year, 4, 15)
    return (day + timedelta(days=(3 - day.weekday()) % 7)).isoformat()


def test_coordinator_plans_a_meeting_and_a_member_says_she_comes(new_context, sign_in, shots):
    coordinator = sign_in(new_context().new_page(), COORDINATOR)
    open_meetings(coordinator)
    expect(coordinator.get_by_test_id("meeting-next")).to_contain_text("Egzamin ósmoklasisty")  # the demo's next one
    expect(coordinator.get_by_test_id("meetings-past")).to_contain_text("Ułamki bez lęku")
    check_screen(coordinator, shots, "meetings-list")

    coordinator.get_by_test_id("meeting-new").click()
    place = coordinator.get_by_test_id("meeting-place-input")
    expect(place).not_to_have_value("")  # the Poradnia's address, prefilled
    # Ends before it starts: refused on "Koniec", nothing saved.
    coordinator.get_by_test_id("meeting-title-input").fill(TITLE)
    coordinator.get_by_test_id("meeting-date").fill(summer_day())
    coordinator.get_by_test_id("meeting-starts").fill("16:00")
    coordinator.get_by_test_id("meeting-ends").fill("15:00")
    coordinator.get_by_test_id("meeting-save").click()
    expect(coordinator.get_by_text("Koniec musi być później niż początek.")).to_be_visible()
    check_screen(coordinator, shots, "meeting-form-error")

    coordinator.get_by_test_id("agenda-topic").first.fill("Gry matematyczne na korytarzu")
    coordinator.get_by_test_id("agenda-add").click()
    coordinator.get_by_test_id("agenda-topic").nth(1).fill("Powitanie")
    coordinator.get_by_test_id("agenda-up").nth(1).click()  # "Powitanie" goes first
    expect(coordinator.get_by_test_id("agenda-topic").first).to_have_value("Powitanie")
    check_screen(coordinator, shots, "meeting-form")
    plan_meeting(coordinator, TITLE, summer_day(), "16:00", "18:00")

    # Shown on Warsaw's clock (16:00, not 14:00 UTC), agenda in her order.
    expect(coordinator.get_by_test_id("meeting-when")).to_contain_text("16:00–18:00")
    expect(coordinator.get_by_test_id("agenda-item").first).to_contain_text("Powitanie")
    wait_synced(coordinator)
    check_screen(coordinator, shots, "meeting-coordinator")

    anna = sign_in(new_context().new_page(), ANNA)
    open_meeting(anna, TITLE)
    expect(anna.get_by_test_id("meeting-when")).to_contain_text("16:00–18:00")
    expect(anna.get_by_test_id("meeting-edit")).to_have_count(0)  # a member plans nothing
    anna.get_by_test_id("rsvp-yes").click()
    expect(anna.get_by_test_id("rsvp-yes")).to_have_attribute("aria-pressed", "true")
    wait_synced(anna)
    check_screen(anna, shots, "meeting-member")

    # The coordinator's open screen follows (poke → pull): one "yes", and it is Anna.
    expect(coordinator.get_by_test_id("count-yes")).to_contain_text("1", timeout=30_000)
    expect(coordinator.get_by_test_id("names-yes")).to_have_text("Anna Nowak")


def test_a_cancelled_meeting_stays_visibly_cancelled(new_context, sign_in, shots):
    coordinator = sign_in(new_context().new_page(), COORDINATOR)
    open_meeting(coordinator, NEXT)
    coordinator.get_by_test_id("meeting-cancel").click()
    coordinator.get_by_test_id("meeting-cancel-yes").click()
    expect(coordinator.get_by_test_id("meeting-cancelled-notice")).to_be_visible()
    wait_synced(coordinator)

    anna = sign_in(new_context().new_page(), ANNA)
    open_meetings(anna)
    # On top the next one that takes place; the cancelled one stays in its place, marked.
    expect(anna.get_by_test_id("meeting-next")).to_contain_text("Geometria w terenie")
    item = anna.get_by_test_id("meetings-cancelled").get_by_test_id("meeting-item").filter(has_text=NEXT)
    expect(item.get_by_test_id("meeting-cancelled")).to_have_text("odwołane")
    check_screen(anna, shots, "meetings-list-cancelled")
    item.click()
    expect(anna.get_by_test_id("meeting-cancelled-notice")).to_be_visible()
    expect(anna.get_by_test_id("rsvp")).to_have_count(0)
    check_screen(anna, shots, "meeting-cancelled")


def test_participants_show_schools_and_roles_and_an_address_only_where_she_allowed_it(new_context, sign_in, shots):
    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    jan.get_by_test_id("nav-profile").click()
    share = jan.get_by_test_id("profile-share-email")
    expect(share).not_to_be_checked()
    share.check()
    jan.get_by_test_id("profile-save").click()
    wait_synced(jan)

    anna = sign_in(new_context().new_page(), ANNA)
    anna.get_by_test_id("my-network").filter(has_text="Sieć matematyków").click()
    expect(anna.get_by_test_id("network-next-meeting")).to_contain_text(NEXT)  # the next meeting, on the network's page
    check_screen(anna, shots, "network-next-meeting")
    anna.get_by_test_id("participants-open").click()
    people = anna.get_by_test_id("participant")
    expect(people.first).to_contain_text("Małgorzata Lis")  # the coordinator first
    expect(people.filter(has_text="Jan Kowalski").get_by_test_id("participant-email")).to_have_text(
        "jan.kowalski@example.org", timeout=30_000)
    expect(people.filter(has_text="Ewa Wiśniewska").get_by_test_id("participant-email")).to_have_count(0)
    check_screen(anna, shots, "participants")


def test_add_to_calendar_makes_her_feed_and_one_meeting_downloads_as_ics(new_context, sign_in, shots):
    anna = sign_in(new_context().new_page(), ANNA)
    open_meeting(anna, NEXT)
    anna.get_by_test_id("calendar-add").click()  # no address yet: calendar.reset, then /api/me again
    url = anna.get_by_test_id("calendar-url")
    expect(url).to_have_value(re.compile(r"^https?://.+/calendar/.+\.ics$"), timeout=30_000)
    check_screen(anna, shots, "meeting-calendar")
    feed = anna.request.get(url.input_value())
    assert feed.ok and "BEGIN:VCALENDAR" in feed.text() and "Egzamin" in feed.text()
    ics = anna.request.get(anna.get_by_test_id("meeting-ics").get_attribute("href"))
    assert ics.ok and "text/calendar" in ics.headers["content-type"]


def test_the_coordinator_adds_a_file_to_the_materials_and_a_member_gets_it(new_context, sign_in, shots):
    coordinator = sign_in(new_context().new_page(), COORDINATOR)
    open_meeting(coordinator, NEXT)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    coordinator.get_by_test_id("file-input").set_input_files(
        files=[{"name": "zadania-otwarte.pdf", "mimeType": "application/pdf", "buffer": pdf}])
    coordinator.get_by_test_id("meeting-attach").click()
    expect(coordinator.get_by_test_id("materials").get_by_test_id("attachment")).to_contain_text("zadania-otwarte.pdf")
    wait_synced(coordinator)
    expect(coordinator.get_by_test_id("attachment").get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)

    anna = sign_in(new_context().new_page(), ANNA)
    open_meeting(anna, NEXT)
    link = anna.get_by_test_id("attachment-link")
    expect(link).to_have_text("zadania-otwarte.pdf")
    assert anna.request.get(link.get_attribute("href")).body() == pdf
    expect(anna.get_by_test_id("meeting-files")).to_have_count(0)  # a member adds no materials
    check_screen(anna, shots, "meeting-materials")


def test_meeting_screens_in_english(new_context, sign_in, shots):
    anna = sign_in(new_context().new_page(), ANNA)
    anna.get_by_test_id("lang-toggle").click()
    open_meeting(anna, NEXT)
    expect(anna.get_by_test_id("rsvp")).to_contain_text("Will you come?")
    expect(anna.get_by_test_id("meeting-when")).to_contain_text("Thursday")
    expect(anna.get_by_test_id("meeting-ics")).to_have_text("Download this meeting (.ics)")
    check_screen(anna, shots, "meeting-member-en")
