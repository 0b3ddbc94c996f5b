"""Attendance in the room: the coordinator takes it in meeting mode with no connection,
reconnects, and the member's own phone shows her as present; a member checks herself in with
the code (from the QR code's address, typed, offline), and a wrong code gets a clear Polish answer."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from e2e.helpers import check_screen
from e2e.meetings_steps import ANNA, COORDINATOR, meeting_on_now, open_meeting, open_meetings, plan_meeting
from e2e.networks import wait_synced

CODE = re.compile(r"^\d{3} \d{3}$")
NEXT = "Egzamin ósmoklasisty: zadania otwarte"  # the demo's next meeting


def test_attendance_taken_offline_reaches_the_members_phone(new_context, sign_in, shots):
    coordinator_context = new_context()
    coordinator = sign_in(coordinator_context.new_page(), COORDINATOR)
    open_meeting(coordinator, NEXT)
    coordinator.get_by_test_id("meeting-mode-open").click()
    expect(coordinator.get_by_test_id("attendee")).to_have_count(4)  # the coordinator and three members
    expect(coordinator.get_by_test_id("checkin-code")).to_have_text(CODE)

    coordinator_context.set_offline(True)
    expect(coordinator.get_by_test_id("sync-status")).to_contain_text("W trybie offline")
    anna_row = coordinator.get_by_test_id("attendee").filter(has_text="Anna Nowak")
    jan_row = coordinator.get_by_test_id("attendee").filter(has_text="Jan Kowalski")
    anna_row.click()
    jan_row.click()
    jan_row.click()  # a slip of the thumb, taken back: Jan is not here
    expect(anna_row).to_have_attribute("aria-pressed", "true")
    expect(jan_row).to_have_attribute("aria-pressed", "false")
    expect(coordinator.get_by_test_id("attendance-count")).to_have_text("Obecna 1 osoba z 4")
    expect(anna_row.get_by_test_id("pending-marker")).to_be_visible()
    check_screen(coordinator, shots, "meeting-mode")
    # Rows off screen are drawn as they come into view (content-visibility): scrolled down, they are there.
    jan_row.scroll_into_view_if_needed()
    coordinator.screenshot(path=str(shots / "meeting-mode-scrolled.png"))

    coordinator_context.set_offline(False)
    wait_synced(coordinator)
    expect(anna_row.get_by_test_id("pending-marker")).to_have_count(0)

    anna = sign_in(new_context().new_page(), ANNA)
    open_meeting(anna, NEXT)
    expect(anna.get_by_test_id("my-attendance")).to_contain_text("Jesteś na liście obecności (2 h)")

    # She came half an hour late: the coordinator corrects her hours (in quarters), and Anna's phone follows.
    coordinator.get_by_test_id("back-link").click()
    coordinator.get_by_test_id("hours").locator("summary").click()
    row = coordinator.get_by_test_id("hours-row").filter(has_text="Anna Nowak")
    row.get_by_test_id("hours-input").fill("1,3")
    row.get_by_test_id("hours-save").click()
    expect(row).to_contain_text("Godziny podaje się co kwadrans")
    row.get_by_test_id("hours-input").fill("1,5")
    row.get_by_test_id("hours-save").click()
    expect(coordinator.get_by_test_id("hours-row").filter(has_text="Anna Nowak")).to_contain_text("1,5 h — poprawione")
    check_screen(coordinator, shots, "meeting-hours")
    expect(anna.get_by_test_id("my-attendance")).to_contain_text("(1,5 h)", timeout=30_000)


def test_check_in_by_code_wrong_then_right_and_offline(new_context, sign_in, shots, server):
    coordinator = sign_in(new_context().new_page(), COORDINATOR)
    open_meetings(coordinator)
    coordinator.get_by_test_id("meeting-new").click()
    day, starts, ends = meeting_on_now()
    plan_meeting(coordinator, "Spotkanie teraz", day, starts, ends)
    wait_synced(coordinator)
    coordinator.get_by_test_id("meeting-mode-open").click()
    code = coordinator.get_by_test_id("checkin-code")
    expect(code).to_have_text(CODE, timeout=30_000)  # the server's code, once it is pulled
    digits = code.inner_text().replace(" ", "")
    link = coordinator.get_by_test_id("checkin-qr").get_attribute("data-text")
    meeting_id = link.split("/checkin/")[1].split("/")[0]
    assert link.endswith(f"/#/checkin/{meeting_id}/{digits}")

    anna_context = new_context()
    anna = sign_in(anna_context.new_page(), ANNA)
    # Typed: a wrong code is answered by the server, in Polish.
    anna.get_by_test_id("nav-networks").click()
    open_meetings(anna)
    anna.get_by_test_id("checkin-open").click()
    expect(anna.get_by_test_id("checkin-meeting")).to_have_text("Spotkanie teraz")  # the one meeting on now
    wrong = "000000" if digits != "000000" else "111111"
    anna.get_by_test_id("checkin-code-input").fill(wrong)
    anna.get_by_test_id("checkin-send").click()
    expect(anna.get_by_test_id("checkin-error")).to_contain_text("Nieprawidłowy kod", timeout=30_000)
    check_screen(anna, shots, "checkin-wrong-code")

    # Offline, with the right code: kept on the phone, counted once it syncs (it was made within the window).
    anna_context.set_offline(True)
    anna.get_by_test_id("checkin-code-input").fill(digits)
    anna.get_by_test_id("checkin-send").click()
    expect(anna.get_by_test_id("checkin-queued")).to_be_visible()
    check_screen(anna, shots, "checkin-queued")
    anna_context.set_offline(False)
    expect(anna.get_by_test_id("checkin-done")).to_be_visible(timeout=30_000)
    check_screen(anna, shots, "checkin-done")

    # The coordinator's list follows: Anna, by code.
    anna_row = coordinator.get_by_test_id("attendee").filter(has_text="Anna Nowak")
    expect(anna_row).to_have_attribute("aria-pressed", "true", timeout=30_000)
    expect(anna_row).to_contain_text("kodem")

    # From the QR code's address on another member's phone: checked in without typing anything.
    ewa = sign_in(new_context().new_page(), "ewa.wisniewska@example.org")
    ewa.goto(link)
    expect(ewa.get_by_test_id("checkin-done")).to_be_visible(timeout=30_000)

    # On a phone not signed in yet: the QR code's address waits while she fetches the e-mailed link,
    # which opens without it, and she lands on the check-in once signed in.
    jan = new_context().new_page()
    jan.goto(link)
    expect(jan.get_by_test_id("signin-email")).to_be_visible()
    jan.goto(server.login_link("jan.kowalski@example.org"))
    jan.get_by_test_id("signin-link-go").click()
    expect(jan.get_by_test_id("checkin-done")).to_be_visible(timeout=30_000)


@pytest.mark.parametrize("first", ["earlier", "later"])
def test_two_devices_offline_the_mark_tapped_last_wins_whichever_syncs_first(new_context, sign_in, first):
    """The coordinator's phone and tablet take the list offline; Anna is marked present on the phone,
    then on the tablet present and, a moment later, absent. Whichever comes back online first, the
    tablet's last tap holds on the server, on both devices and on Anna's phone."""
    devices = {}
    for name in ("phone", "tablet"):
        context = new_context()
        page = sign_in(context.new_page(), COORDINATOR)
        open_meeting(page, NEXT)
        page.get_by_test_id("meeting-mode-open").click()
        expect(page.get_by_test_id("attendee")).to_have_count(4)
        context.set_offline(True)
        expect(page.get_by_test_id("sync-status")).to_contain_text("W trybie offline")
        devices[name] = (context, page)

    def anna_on(page):
        return page.get_by_test_id("attendee").filter(has_text="Anna Nowak")

    phone, tablet = devices["phone"][1], devices["tablet"][1]
    anna_on(phone).click()
    expect(anna_on(phone)).to_have_attribute("aria-pressed", "true")
    anna_on(tablet).click()
    expect(anna_on(tablet)).to_have_attribute("aria-pressed", "true")
    anna_on(tablet).click()  # the last tap of all: she is not here after all
    expect(anna_on(tablet)).to_have_attribute("aria-pressed", "false")

    order = ["phone", "tablet"] if first == "earlier" else ["tablet", "phone"]
    for name in order:
        context, page = devices[name]
        context.set_offline(False)
        wait_synced(page)
    for name in order:
        page = devices[name][1]
        expect(anna_on(page)).to_have_attribute("aria-pressed", "false", timeout=30_000)
        expect(anna_on(page).get_by_test_id("pending-marker")).to_have_count(0)

    anna = sign_in(new_context().new_page(), ANNA)
    open_meeting(anna, NEXT)
    expect(anna.get_by_test_id("rsvp")).to_be_visible()
    expect(anna.get_by_test_id("my-attendance")).to_have_count(0)
