"""Steps the e2e tests share."""
from __future__ import annotations

from playwright.sync_api import expect

MATH = "Sieć matematyków"


def open_thread(page, title: str, network: str = MATH):
    """From the home screen into a thread, as a person taps."""
    page.get_by_test_id("my-network").filter(has_text=network).click()
    page.get_by_test_id("thread-item").filter(has_text=title).click()
    expect(page.get_by_test_id("thread-heading")).to_have_text(title)


def post(page, text: str):
    """The post item holding `text`."""
    return page.get_by_test_id("post-item").filter(has_text=text)


def reply(page, text: str):
    page.get_by_test_id("reply-input").fill(text)
    page.get_by_test_id("reply-send").click()
    expect(post(page, text.splitlines()[0])).to_be_visible()
