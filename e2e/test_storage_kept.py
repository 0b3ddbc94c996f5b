"""Her unsent words must survive a phone short of space: once she is signed in the
app asks the browser to keep its data, and the notifications screen says whether
it will."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.helpers import check_screen

# Counts the app's requests, and passes them on to the browser's real answer.
SPY = """
window.__persistAsked = 0;
const realPersist = navigator.storage.persist.bind(navigator.storage);
navigator.storage.persist = () => { window.__persistAsked += 1; return realPersist(); };
"""

# A browser that will not promise to keep the data (Chromium decides by use and installation).
DECLINES = """
navigator.storage.persist = async () => false;
navigator.storage.persisted = async () => false;
"""


def test_signing_in_asks_the_browser_to_keep_the_data(new_context, sign_in):
    context = new_context()
    context.add_init_script(SPY)
    page = sign_in(context.new_page(), "anna.nowak@example.org")
    page.wait_for_function("() => window.__persistAsked > 0")
    kept = page.evaluate("navigator.storage.persisted()")
    page.goto("/#/profile")
    expect(page.get_by_test_id("keep-history")).to_be_visible()
    expect(page.get_by_test_id("storage-kept" if kept else "storage-at-risk")).to_be_visible()
    expect(page.get_by_test_id("storage-at-risk" if kept else "storage-kept")).to_have_count(0)


def test_a_browser_that_may_clear_the_data_is_named_with_what_to_do(new_context, sign_in, shots):
    context = new_context()
    context.add_init_script(DECLINES)
    page = sign_in(context.new_page(), "anna.nowak@example.org")
    page.goto("/#/profile")
    warning = page.get_by_test_id("storage-at-risk")
    expect(warning).to_contain_text("Zainstaluj Krąg (dodaj do ekranu głównego)")
    warning.scroll_into_view_if_needed()
    check_screen(page, shots, "profile-storage-at-risk")
