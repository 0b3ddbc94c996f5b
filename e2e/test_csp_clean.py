"""The app under its own Content-Security-Policy (no inline script or style, the live channel to
this server only): the main screens open and the browser reports no violation."""
from __future__ import annotations

from playwright.sync_api import expect

THREAD = "Jak uczyć ułamków w klasie 4?"


def test_the_main_screens_break_no_rule_of_the_csp(new_context, sign_in):
    page = new_context().new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto("/")
    expect(page.get_by_test_id("signin")).to_be_visible()
    sign_in(page, "koordynator@example.org")
    page.get_by_test_id("my-network").first.click()
    expect(page.get_by_test_id("thread-item").first).to_be_visible()
    page.get_by_test_id("thread-item").first.click()
    expect(page.get_by_test_id("thread-heading")).to_be_visible()
    for screen in ("#/requests", "#/profile", "#/staff", "#/search"):
        page.goto("/" + screen)
        expect(page.locator("#app main, #app .screen, #app").first).to_be_visible()
    expect(page.get_by_test_id("home-link")).to_be_visible()
    page.goto("/")
    expect(page.get_by_test_id("my-network").first).to_be_visible()
    assert refused == []
