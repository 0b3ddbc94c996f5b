"""Search: online through the server, offline over what the phone holds, with
the same folding — "zolw" finds "żółw" — and results that open the post."""
from __future__ import annotations

import time

from playwright.sync_api import expect

from e2e.forum_steps import start_thread
from e2e.helpers import reply

THREAD = "Przyroda i matematyka razem"
TEXT = "Na przyrodzie liczyliśmy żółwie w terrarium: ułamki same wyszły."


def search(page, query: str):
    page.goto("/#/search")
    page.get_by_test_id("search-input").fill(query)
    page.get_by_test_id("search-submit").click()


def test_search_online_and_offline_folds_polish(new_context, sign_in):
    context = new_context()
    anna = sign_in(context.new_page(), "anna.nowak@example.org")
    start_thread(anna, THREAD, "Szukam pomysłów na lekcje łączone.")
    reply(anna, TEXT)
    expect(anna.get_by_test_id("sync-pending-count")).to_have_count(0, timeout=30_000)

    # The server indexes after the commit, in the background: ask again until it has.
    deadline = time.monotonic() + 15
    while True:
        search(anna, "zolw")
        expect(anna.get_by_test_id("search-none").or_(anna.get_by_test_id("search-result").first)).to_be_visible()
        if anna.get_by_test_id("search-result").count():
            break
        assert time.monotonic() < deadline, "the server's search did not find the new post within 15 s"
        anna.wait_for_timeout(200)
    hit = anna.get_by_test_id("search-result").filter(has_text="żółwie")
    expect(hit).to_have_attribute("data-type", "post")
    expect(anna.get_by_test_id("search-local")).to_have_count(0)

    context.set_offline(True)
    expect(anna.get_by_test_id("sync-status")).to_contain_text("W trybie offline")
    search(anna, "ŻÓŁW terrarium")
    expect(anna.get_by_test_id("search-local")).to_be_visible()
    hit = anna.get_by_test_id("search-result").filter(has_text="żółwie")
    expect(hit).to_have_count(1)
    search(anna, "ułamkow")  # an ending forgiven: a seed thread's title
    thread_hit = anna.locator("[data-testid=search-result][data-type=thread]").filter(has_text="Jak uczyć ułamków")
    expect(thread_hit).to_have_count(1)
    search(anna, "zolw")
    anna.get_by_test_id("search-result").filter(has_text="żółwie").click()
    expect(anna.get_by_test_id("thread-heading")).to_have_text(THREAD)
    expect(anna.get_by_test_id("post-item").filter(has_text="żółwie")).to_be_in_viewport()
