"""Polish first, whatever language the phone speaks; English only by choice,
and the choice is remembered."""
from __future__ import annotations

from playwright.sync_api import expect


def test_polish_by_default_even_on_an_english_phone(new_context):
    page = new_context(locale="en-US").new_page()
    page.goto("/")
    expect(page.get_by_role("heading", name="Zaloguj się")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "pl")

    page.get_by_test_id("lang-toggle").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_test_id("lang-toggle").click()
    expect(page.get_by_role("heading", name="Zaloguj się")).to_be_visible()
