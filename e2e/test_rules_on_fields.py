"""A form checks nothing itself: the local mutator checks the server's rules
(pwa/src/sync/rules.json, made from the schemas) and its refusal lands on the
fields, with the limits the server sets — offline too, before anything is queued."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.helpers import MATH, check_screen


def test_a_refused_practice_shows_the_servers_rules_offline(new_context, sign_in, shots):
    context = new_context()
    anna = sign_in(context.new_page(), "anna.nowak@example.org")
    anna.get_by_test_id("my-network").filter(has_text=MATH).click()
    anna.get_by_test_id("library-open").click()
    context.set_offline(True)
    anna.get_by_test_id("resource-new").click()
    anna.get_by_test_id("resource-kind-link").check()
    anna.get_by_test_id("resource-title").fill("Oś")
    anna.get_by_test_id("resource-url").fill("ftp://example.org/os")
    anna.get_by_test_id("resource-save").click()

    form = anna.get_by_test_id("resource-form")
    expect(form.locator(".field-error")).to_have_count(2)
    expect(form.locator(".field-error").first).to_have_text("Tekst jest za krótki (co najmniej 3 znaków).")
    expect(form.locator(".field-error").nth(1)).to_have_text("Podaj adres strony zaczynający się od http:// albo https://.")
    check_screen(anna, shots, "rules-on-fields")

    # Mended, it is written at once, offline, and waits for the connection.
    anna.get_by_test_id("resource-title").fill("Oś liczbowa")
    anna.get_by_test_id("resource-url").fill("https://example.org/os")
    anna.get_by_test_id("resource-save").click()
    expect(anna.get_by_test_id("resource-heading")).to_have_text("Oś liczbowa")
