"""Steps of the forum tests."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.helpers import MATH, open_thread


def start_thread(page, title: str, body: str, network: str = MATH):
    """From anywhere: a new thread in the network, and its screen open."""
    page.goto("/#/")
    page.get_by_test_id("my-network").filter(has_text=network).click()
    page.get_by_test_id("new-thread-open").click()
    page.get_by_test_id("new-thread-title").fill(title)
    page.get_by_test_id("new-thread-body").fill(body)
    page.get_by_test_id("new-thread-submit").click()
    expect(page.get_by_test_id("thread-heading")).to_have_text(title)
    expect(page.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)


def open_own_thread(page, title: str, network: str = MATH):
    """From anywhere into a thread, once it has arrived on this device."""
    page.goto("/#/")
    open_thread(page, title, network, timeout=30_000)
