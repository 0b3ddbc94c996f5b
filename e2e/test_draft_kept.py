"""Nothing typed is lost: a draft holds every keystroke, even the last ones typed
just before the tab or the whole browser closed (they used to wait 300 ms)."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.browser import CHROMIUM, CHROMIUM_ARGS, PHONE
from e2e.helpers import MATH, open_thread

THREAD = "Jak uczyć ułamków w klasie 4?"
REPLY = "U mnie działa pizza z papieru — dzielimy ją na ósemki, potem na szesnastki!"
TITLE = "Sprawdzian z ułamków — kiedy?"
BODY = "Proponuję ostatni tydzień listopada, żeby zdążyć z poprawą."


def test_a_reply_typed_just_before_the_tab_closes_is_kept(new_context, sign_in):
    context = new_context()
    page = sign_in(context.new_page(), "anna.nowak@example.org")
    open_thread(page, THREAD)
    box = page.get_by_test_id("reply-input")
    box.click()
    box.press_sequentially(REPLY)
    page.close()  # at once, the last keystroke a few milliseconds old

    again = context.new_page()
    again.goto("/")
    open_thread(again, THREAD)
    expect(again.get_by_test_id("reply-input")).to_have_value(REPLY)


def test_a_new_thread_typed_just_before_the_browser_closes_is_kept(playwright_instance, server, sign_in, tmp_path):
    def launch():
        return playwright_instance.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport=PHONE,
            locale="pl-PL", base_url=server.url)

    browser = launch()
    try:
        page = sign_in(browser.pages[0] if browser.pages else browser.new_page(), "anna.nowak@example.org")
        page.get_by_test_id("my-network").filter(has_text=MATH).click()
        page.get_by_test_id("new-thread-open").click()
        page.get_by_test_id("new-thread-title").press_sequentially(TITLE)
        page.get_by_test_id("new-thread-body").press_sequentially(BODY)
    finally:
        browser.close()  # the whole browser, as when she swipes it away

    browser = launch()
    try:
        page = browser.pages[0] if browser.pages else browser.new_page()
        page.goto("/")
        page.get_by_test_id("my-network").filter(has_text=MATH).click()
        page.get_by_test_id("new-thread-open").click()
        expect(page.get_by_test_id("new-thread-title")).to_have_value(TITLE)
        expect(page.get_by_test_id("new-thread-body")).to_have_value(BODY)
    finally:
        browser.close()
