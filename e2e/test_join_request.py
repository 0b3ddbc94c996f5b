"""A teacher outside a closed network taps it in the catalogue and reads what it is, who
coordinates it and how to ask; she asks with a few words, and the coordinator sees her
request with her school (from her profile) and her message."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.helpers import GIFTED, check_screen as check
from e2e.networks import wait_synced

WORDS = "Uczę matematyki w klasach 4–6 i prowadzę koło dla zdolnych. Chętnie się podzielę."


def test_asking_to_join_with_a_message(new_context, sign_in, shots):
    anna = sign_in(new_context().new_page(), "anna.nowak@example.org")
    entry = anna.get_by_test_id("catalog-network").filter(has_text=GIFTED)
    entry.locator(".item-desc").click()  # a tap anywhere on the card, not only on its name
    expect(anna.get_by_test_id("about")).to_be_visible()
    anna.get_by_test_id("nav-networks").click()
    entry.get_by_test_id("catalog-about").click()
    expect(anna.get_by_test_id("network-name")).to_have_text(GIFTED)
    expect(anna.get_by_test_id("about-description")).to_contain_text("uczniów zdolnych")
    expect(anna.get_by_test_id("about-coordinator")).to_contain_text("Koordynator")
    check(anna, shots, "36-about-closed-network")
    anna.get_by_test_id("about-message").fill(WORDS)
    anna.get_by_test_id("about-ask-send").click()
    expect(anna.get_by_test_id("about-pending")).to_be_visible()
    wait_synced(anna)
    check(anna, shots, "37-about-request-waiting")

    coordinator = sign_in(new_context().new_page(), "koordynator@example.org")
    coordinator.get_by_test_id("my-network").filter(has_text=GIFTED).click()
    expect(coordinator.get_by_test_id("manage-waiting")).to_have_text("1", timeout=30_000)
    coordinator.get_by_test_id("manage-open").click()
    waiting = coordinator.get_by_test_id("waiting-member").filter(has_text="Anna Nowak")
    expect(waiting.get_by_test_id("waiting-message")).to_have_text(WORDS, timeout=30_000)
    expect(waiting.get_by_test_id("waiting-school")).to_contain_text("Brzozów")
    check(coordinator, shots, "38-manage-join-request")
