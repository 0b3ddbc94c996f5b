"""The end of a network's year: the coordinator archives it (after a clear
question) and from then on it is read-only everywhere, with a badge; its
members can still read it and download its forum. Continuing a network
archives last year's and opens the next school year's."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from e2e.helpers import check_screen as check
from e2e.networks import approve, ask_for_network, open_network, wait_synced

ARCHIVED = "Sieć przyrodników — rok próbny"
CONTINUED = "Sieć wychowawców klas pierwszych"


def test_archived_network_is_read_only(new_context, sign_in, shots):
    anna = sign_in(new_context().new_page(), "anna.nowak@example.org")
    ask_for_network(anna, ARCHIVED, topic="przyroda")
    wait_synced(anna)
    coordinator = sign_in(new_context().new_page(), "koordynator@example.org")
    approve(coordinator, ARCHIVED)

    open_network(anna, ARCHIVED)
    anna.get_by_test_id("new-thread-open").click()
    anna.get_by_test_id("new-thread-title").fill("Doświadczenia na wiosnę")
    anna.get_by_test_id("new-thread-body").fill("Co robicie z kiełkowaniem fasoli?")
    anna.get_by_test_id("new-thread-submit").click()
    expect(anna.get_by_test_id("reply-input")).to_be_visible()
    wait_synced(anna)

    open_network(coordinator, ARCHIVED)
    coordinator.get_by_test_id("manage-open").click()
    coordinator.get_by_test_id("year-section").locator("summary").click()
    coordinator.get_by_test_id("archive-open").click()
    expect(coordinator.get_by_test_id("archive-confirm")).to_contain_text("Tego nie da się cofnąć")
    check(coordinator, shots, "33-archive-confirm")
    coordinator.get_by_test_id("archive-yes").click()
    expect(coordinator.get_by_test_id("manage-readonly")).to_be_visible()
    expect(coordinator.get_by_test_id("invite-section")).to_have_count(0)
    wait_synced(coordinator)

    # Anna: the badge in her list and the catalogue, the notice, no way to write.
    anna.get_by_test_id("nav-networks").click()
    mine = anna.get_by_test_id("my-network").filter(has_text=ARCHIVED)
    expect(mine.get_by_test_id("archived-badge")).to_have_text("archiwum", timeout=30_000)
    entry = anna.get_by_test_id("catalog-network").filter(has_text=ARCHIVED)
    expect(entry.get_by_test_id("archived-badge")).to_be_visible()
    mine.click()
    expect(anna.get_by_test_id("archived-notice")).to_be_visible()
    expect(anna.get_by_test_id("new-thread-open")).to_have_count(0)
    expect(anna.get_by_test_id("leave-network")).to_have_count(0)  # one read-only state: nothing to leave
    expect(anna.get_by_test_id("export-network")).to_be_visible()
    check(anna, shots, "34-archived-network")
    anna.get_by_test_id("thread-item").filter(has_text="Doświadczenia na wiosnę").click()
    expect(anna.get_by_test_id("post-item")).to_have_count(1)
    expect(anna.get_by_test_id("reply-input")).to_have_count(0)
    expect(anna.get_by_test_id("post-edit")).to_have_count(0)
    expect(anna.get_by_text("można ją czytać, ale nie można w niej pisać")).to_be_visible()

    # Jan cannot join an archived network from the catalogue.
    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    entry = jan.get_by_test_id("catalog-network").filter(has_text=ARCHIVED)
    expect(entry.get_by_test_id("archived-badge")).to_be_visible(timeout=30_000)
    expect(entry.get_by_test_id("join-network")).to_have_count(0)

    # The export is a download of the forum.
    anna.get_by_test_id("back-link").click()
    with anna.expect_download() as download:
        anna.get_by_test_id("export-network").click()
    assert download.value.suggested_filename.endswith(".json")


def test_continuing_opens_the_next_school_year(new_context, sign_in, shots):
    coordinator = sign_in(new_context().new_page(), "koordynator@example.org")
    ask_for_network(coordinator, CONTINUED, kind="problem", topic="adaptacja uczniów", recruitment="closed")
    approve(coordinator, CONTINUED)
    open_network(coordinator, CONTINUED)
    year = coordinator.get_by_test_id("network-facts").inner_text()
    start = int(re.search(r"(\d{4})/\d{4}", year).group(1))
    coordinator.get_by_test_id("manage-open").click()
    coordinator.get_by_test_id("year-section").locator("summary").click()
    check(coordinator, shots, "35-year-end")
    coordinator.get_by_test_id("continue-open").click()
    coordinator.get_by_test_id("continue-yes").click()
    expect(coordinator.get_by_test_id("network-name")).to_have_text(CONTINUED)
    expect(coordinator.get_by_test_id("network-facts")).to_contain_text(f"{start + 1}/{start + 2}")
    wait_synced(coordinator)
    coordinator.get_by_test_id("nav-networks").click()
    both = coordinator.get_by_test_id("my-network").filter(has_text=CONTINUED)
    expect(both).to_have_count(2)
    last_year = both.filter(has_text=f"{start}/{start + 1}")
    expect(last_year.get_by_test_id("archived-badge")).to_be_visible()

    # Last year's, with no thread: one read-only state, nothing that invites her to write.
    last_year.click()
    expect(coordinator.get_by_test_id("archived-notice")).to_be_visible()
    expect(coordinator.get_by_text("W tej sieci nikt nie założył wątku.")).to_be_visible()
    expect(coordinator.get_by_text("Zacznij pierwszy")).to_have_count(0)
    expect(coordinator.get_by_test_id("new-thread-open")).to_have_count(0)
    expect(coordinator.get_by_test_id("leave-network")).to_have_count(0)
    check(coordinator, shots, "36-archived-network-empty")
    # E-mail about it is not offered: only this year's network has its choice.
    coordinator.goto("/#/profile")
    prefs = coordinator.get_by_test_id("email-prefs")
    expect(prefs.get_by_text(CONTINUED)).to_have_count(1)
    check(coordinator, shots, "37-profile-without-archived")
