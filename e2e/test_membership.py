"""Joining from the catalogue: an open network at once, a closed one by request."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.helpers import GIFTED, MATH


def catalog_entry(page, name: str):
    return page.get_by_test_id("catalog-network").filter(has_text=name)


def test_join_open_network_then_leave(new_context, sign_in):
    context = new_context()
    page = context.new_page()
    sign_in(page, "piotr.zielinski@example.org")
    expect(page.get_by_test_id("my-network").filter(has_text=MATH)).to_have_count(0)

    catalog_entry(page, MATH).get_by_test_id("join-network").click()
    mine = page.get_by_test_id("my-network").filter(has_text=MATH)
    expect(mine).to_be_visible()  # at once, before the server answers
    mine.click()
    expect(page.get_by_test_id("thread-item").filter(has_text="Jak uczyć ułamków")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("new-thread-open")).to_be_visible()

    network_url = page.url
    page.get_by_test_id("leave-network").click()
    page.get_by_test_id("leave-yes").click()
    expect(page.get_by_test_id("home")).to_be_visible()
    # The server purges the network's scope: its threads leave the device.
    page.goto(network_url)
    expect(page.get_by_test_id("thread-item")).to_have_count(0, timeout=30_000)
    page.get_by_test_id("back-link").click()
    expect(page.get_by_test_id("my-network").filter(has_text=MATH)).to_have_count(0)
    expect(catalog_entry(page, MATH).get_by_test_id("join-network")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("sync-pending-count")).to_have_count(0, timeout=30_000)


def test_ask_to_join_closed_network_and_withdraw(new_context, sign_in):
    context = new_context()
    page = context.new_page()
    sign_in(page, "jan.kowalski@example.org")
    entry = catalog_entry(page, GIFTED)
    expect(entry.get_by_test_id("join-network")).to_have_text("Poproś o dołączenie")
    entry.get_by_test_id("join-network").click()  # the network's page, where she may write a few words
    page.get_by_test_id("about-ask-send").click()
    expect(page.get_by_test_id("about-pending")).to_be_visible()
    page.get_by_test_id("nav-networks").click()
    expect(entry.get_by_test_id("membership-badge")).to_have_text("Prośba czeka na decyzję koordynatora")
    expect(page.get_by_test_id("sync-pending-count")).to_have_count(0, timeout=30_000)
    expect(entry.get_by_test_id("pending-marker")).to_have_count(0)
    expect(page.get_by_test_id("my-network").filter(has_text=GIFTED)).to_have_count(0)

    entry.get_by_test_id("withdraw-request").click()
    expect(entry.get_by_test_id("join-network")).to_be_visible()
    expect(page.get_by_test_id("sync-pending-count")).to_have_count(0, timeout=30_000)
    expect(entry.get_by_test_id("join-network")).to_be_visible()
