"""Her letters follow the app's language: the PWA sends profile.update's `lang` when she switches
it (settings, the header's switch), and at her first sign-in on a phone where she chose English
before signing in. (The letters themselves: tests/integration/test_letter_language.py.)"""
from __future__ import annotations

import sqlite3
import time

from playwright.sync_api import expect

JAN = "jan.kowalski@example.org"


def lang_of(server, email: str) -> str:
    with sqlite3.connect(server.database) as db:
        return db.execute("SELECT lang FROM user_account WHERE email = ?", (email,)).fetchone()[0]


def lang_becomes(server, email: str, expected: str, timeout: float = 15) -> None:
    """Wait until the server's row says ``expected`` (the mutation travels through the outbox)."""
    deadline = time.monotonic() + timeout
    while (lang := lang_of(server, email)) != expected:
        assert time.monotonic() < deadline, f"{email}: lang is {lang}, not {expected}"
        time.sleep(0.1)


def signed_in(page, server, email: str) -> None:
    page.goto(server.login_link(email))
    page.get_by_test_id("signin-link-go").click()
    expect(page.get_by_test_id("my-network").first).to_be_visible()


def test_english_before_signing_in_then_switched_in_settings_and_the_header(new_context, server):
    page = new_context().new_page()
    page.goto("/")
    page.get_by_test_id("lang-toggle").click()  # on the sign-in screen
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    signed_in(page, server, JAN)
    lang_becomes(server, JAN, "en")

    page.goto("/#/profile")
    page.get_by_test_id("settings-lang-pl").check()
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    lang_becomes(server, JAN, "pl")
    page.get_by_test_id("lang-toggle").click()  # the header's switch, signed in
    expect(page.locator("html")).to_have_attribute("lang", "en")
    lang_becomes(server, JAN, "en")


def test_a_polish_phone_sends_no_language(new_context, server):
    page = new_context(locale="en-US").new_page()  # the phone's own language is not the app's
    signed_in(page, server, JAN)
    expect(page.get_by_test_id("sync-last")).to_contain_text("Ostatnia synchronizacja")
    assert lang_of(server, JAN) == "pl"
