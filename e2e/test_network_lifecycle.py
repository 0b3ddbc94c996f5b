"""A network from request to forum (issue #3): Anna, a teacher, asks for it;
the coordinator approves it in the staff queue, coordinating it herself; Jan,
from another school, finds it in the catalogue, joins, and starts a thread."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.helpers import GIFTED, check_screen as check
from e2e.networks import approve, ask_for_network, open_queue_item, wait_synced

NAME = "Sieć polonistów powiatu brzozowskiego"


def test_request_approval_join_and_first_thread(new_context, sign_in, shots):
    anna = sign_in(new_context().new_page(), "anna.nowak@example.org")
    anna.get_by_test_id("nav-requests").click()
    expect(anna.get_by_test_id("my-requests")).to_be_visible()
    check(anna, shots, "20-my-requests-empty")
    anna.get_by_test_id("request-new").click()
    anna.get_by_test_id("rq-send").click()  # empty: every field says what it needs
    expect(anna.locator(".field .field-error")).to_have_count(6)
    check(anna, shots, "21-ask-network-errors")

    mine = ask_for_network(anna, NAME)
    wait_synced(anna)
    expect(mine.get_by_test_id("pending-marker")).to_have_count(0)
    check(anna, shots, "22-my-requests-pending")

    coordinator = sign_in(new_context().new_page(), "koordynator@example.org")
    expect(coordinator.get_by_test_id("nav-staff-count")).to_be_visible(timeout=30_000)
    item = open_queue_item(coordinator, NAME)
    expect(item.get_by_test_id("queue-justification")).to_contain_text("poloniści")
    check(coordinator, shots, "23-staff-queue")
    item.get_by_test_id("queue-approve").click()
    check(coordinator, shots, "24-staff-queue-approve")
    approve(coordinator, NAME)

    # The coordinator sees it among her networks at once, with its facts.
    coordinator.get_by_test_id("nav-networks").click()
    coordinator.get_by_test_id("my-network").filter(has_text=NAME).click()
    expect(coordinator.get_by_test_id("network-facts")).to_contain_text("nabór otwarty")
    expect(coordinator.get_by_test_id("manage-open")).to_be_visible()

    # Anna learns the decision and walks into her new network.
    expect(mine.get_by_test_id("request-status")).to_have_text("przyjęty", timeout=30_000)
    check(anna, shots, "25-my-requests-approved")
    mine.get_by_test_id("request-network").click()
    expect(anna.get_by_test_id("network-name")).to_have_text(NAME)
    expect(anna.get_by_test_id("new-thread-open")).to_be_visible(timeout=30_000)

    # Jan, from another school, finds it in the catalogue and joins.
    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    entry = jan.get_by_test_id("catalog-network").filter(has_text=NAME)
    expect(entry).to_be_visible(timeout=30_000)
    expect(entry.get_by_test_id("network-places")).to_contain_text("bez limitu miejsc")
    entry.get_by_test_id("join-network").click()
    jan.get_by_test_id("my-network").filter(has_text=NAME).click()
    expect(jan.get_by_test_id("network-name")).to_have_text(NAME)
    jan.get_by_test_id("new-thread-open").click()
    jan.get_by_test_id("new-thread-title").fill("Lektury w klasie 7 — co się sprawdza?")
    jan.get_by_test_id("new-thread-body").fill("Zacznijmy od „Balladyny”: jakie macie pomysły na lekcje?")
    jan.get_by_test_id("new-thread-submit").click()
    expect(jan.get_by_test_id("thread-heading")).to_have_text("Lektury w klasie 7 — co się sprawdza?")
    wait_synced(jan)

    # The thread reaches the other members of the new network.
    anna.get_by_test_id("nav-networks").click()
    anna.get_by_test_id("my-network").filter(has_text=NAME).click()
    expect(anna.get_by_test_id("thread-item").filter(has_text="Lektury w klasie 7")).to_be_visible(timeout=30_000)

    # The coordinator sees Jan among the members of her network.
    coordinator.get_by_test_id("manage-open").click()
    member = coordinator.get_by_test_id("member").filter(has_text="Jan Kowalski")
    expect(member).to_be_visible(timeout=30_000)
    expect(coordinator.get_by_test_id("member").filter(has_text="Małgorzata Lis")).to_contain_text("koordynator")
    check(coordinator, shots, "26-manage-network")


def test_closed_network_asks_and_the_coordinator_accepts(new_context, sign_in, shots):
    anna = sign_in(new_context().new_page(), "anna.nowak@example.org")
    entry = anna.get_by_test_id("catalog-network").filter(has_text=GIFTED)
    expect(entry.get_by_test_id("network-places")).to_contain_text("/ 25 miejsc")
    entry.get_by_test_id("join-network").click()
    anna.get_by_test_id("about-ask-send").click()
    anna.get_by_test_id("nav-networks").click()
    expect(entry.get_by_test_id("membership-badge")).to_contain_text("czeka")
    wait_synced(anna)

    coordinator = sign_in(new_context().new_page(), "koordynator@example.org")
    coordinator.get_by_test_id("my-network").filter(has_text=GIFTED).click()
    expect(coordinator.get_by_test_id("manage-waiting")).to_have_text("1", timeout=30_000)
    coordinator.get_by_test_id("manage-open").click()
    waiting = coordinator.get_by_test_id("waiting-member").filter(has_text="Anna Nowak")
    expect(waiting).to_be_visible()
    check(coordinator, shots, "27-manage-waiting-member")
    waiting.get_by_test_id("member-approve").click()
    expect(coordinator.get_by_test_id("member").filter(has_text="Anna Nowak")).to_be_visible()
    wait_synced(coordinator)

    mine = anna.get_by_test_id("my-network").filter(has_text=GIFTED)
    expect(mine).to_be_visible(timeout=30_000)
    mine.click()
    expect(anna.get_by_test_id("thread-item").filter(has_text="Uczeń zdolny")).to_be_visible(timeout=30_000)
