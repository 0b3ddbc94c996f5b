"""After "Wyślij zaproszenie" the coordinator keeps seeing what she did: the confirmation,
the invitations still waiting (synced rows, also on her other devices), and a warning when
she types an address that already has one waiting; a second letter goes only when she
taps "Wyślij ponownie"."""
from __future__ import annotations

import time

from playwright.sync_api import expect

from e2e.helpers import GIFTED, check_screen as check
from e2e.networks import open_network, wait_synced

INVITED = "joanna.maj@example.org"


def letters_to(mail_dir, address: str) -> int:
    return sum(1 for path in mail_dir.glob("*.eml") if address in path.read_text(errors="replace"))


def test_the_coordinator_sees_what_waits_and_is_warned_before_a_second_letter(new_context, sign_in, server, shots):
    page = sign_in(new_context().new_page(), "koordynator@example.org")
    open_network(page, GIFTED)
    page.get_by_test_id("manage-open").click()
    section = page.get_by_test_id("invite-section")
    section.locator("summary").click()
    expect(page.get_by_test_id("invite-none")).to_be_visible()
    page.get_by_test_id("invite-email").fill(INVITED)
    page.get_by_test_id("invite-send").click()
    expect(page.get_by_test_id("invite-queued")).to_contain_text(INVITED)
    wait_synced(page)

    # Sent: the section stays open with its confirmation, and the list shows it went.
    expect(section).to_have_attribute("open", "")
    expect(page.get_by_test_id("invite-queued")).to_be_visible()
    waiting = page.get_by_test_id("invite-waiting-item").filter(has_text=INVITED)
    expect(waiting).to_contain_text("wysłano")
    expect(waiting.get_by_test_id("pending-marker")).to_have_count(0)
    check(page, shots, "34-invitation-sent-and-waiting")

    page.get_by_test_id("invite-email").fill(INVITED.upper())
    expect(page.get_by_test_id("invite-already")).to_contain_text("czeka na przyjęcie")
    expect(page.get_by_test_id("invite-send")).to_have_text("Wyślij ponownie")
    check(page, shots, "35-invitation-already-waiting")
    assert letters_to(server.mail_dir, INVITED) == 1

    page.get_by_test_id("invite-send").click()  # she means it
    wait_synced(page)
    expect(page.get_by_test_id("invite-waiting-item")).to_have_count(1)  # the new one stands in for the old
    expect(page.get_by_test_id("invite-waiting-item")).to_contain_text("wysłano")
    assert _eventually(lambda: letters_to(server.mail_dir, INVITED), 2)

    # Her other phone holds the list too: it came through sync, not from the outbox.
    other = sign_in(new_context().new_page(), "koordynator@example.org")
    open_network(other, GIFTED)
    other.get_by_test_id("manage-open").click()
    other.get_by_test_id("invite-section").locator("summary").click()
    expect(other.get_by_test_id("invite-waiting-item").filter(has_text=INVITED)).to_be_visible(timeout=30_000)


def _eventually(count, wanted: int, timeout: float = 30) -> bool:
    """The mail queue writes its letter after the commit: wait for it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if count() >= wanted:
            return count() == wanted
        time.sleep(0.1)  # polling the mail folder for the letter, not a wait for a result
    return False
