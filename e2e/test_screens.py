"""Every screen at 360 px: no horizontal scroll, tap targets large enough.
Screenshots go to /tmp/shots (KRAG_SHOTS) for a person to look at."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.helpers import check_screen as check, open_thread, post, reply

THREAD = "Jak uczyć ułamków w klasie 4?"

def test_every_screen_fits_a_small_phone(new_context, sign_in, server, shots):
    context = new_context()
    page = context.new_page()
    page.goto("/")
    expect(page.get_by_test_id("signin")).to_be_visible()
    check(page, shots, "01-signin")
    page.get_by_test_id("signin-email").fill("anna.nowak@example.org")
    page.get_by_test_id("signin-send").click()
    expect(page.get_by_test_id("signin-sent")).to_be_visible()
    check(page, shots, "02-signin-sent")
    page.goto("/auth/link/no-such-link-was-ever-sent")  # its button finds the link used or expired
    page.get_by_test_id("signin-link-go").click()
    expect(page.get_by_test_id("signin-error")).to_contain_text("wygasł")
    check(page, shots, "03-signin-link-invalid")

    sign_in(page, "anna.nowak@example.org")
    check(page, shots, "04-home")

    page.get_by_test_id("my-network").filter(has_text="Sieć matematyków").click()
    expect(page.get_by_test_id("thread-item").first).to_be_visible()
    check(page, shots, "05-network")
    page.get_by_test_id("new-thread-open").click()
    page.get_by_test_id("new-thread-submit").click()  # empty: both fields explain themselves
    expect(page.locator(".field-error")).to_have_count(2)
    check(page, shots, "06-new-thread-form")
    page.get_by_test_id("new-thread-title").fill("Zadania z treścią — jak je czytać z uczniami?")
    page.get_by_test_id("new-thread-body").fill("Moi uczniowie gubią się w długich poleceniach.\nMacie sprawdzone sposoby?")
    page.get_by_test_id("new-thread-submit").click()
    expect(page.get_by_test_id("thread-heading")).to_have_text("Zadania z treścią — jak je czytać z uczniami?")
    page.get_by_test_id("back-link").click()

    page.get_by_test_id("thread-item").filter(has_text=THREAD).click()
    context.set_offline(True)
    reply(page, "Odpowiedź pisana bez zasięgu — wyślę później.")
    expect(page.get_by_test_id("pending-marker")).to_be_visible()
    check(page, shots, "07-thread-offline-pending")

    context.set_offline(False)
    expect(page.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    mine = post(page, "Odpowiedź pisana bez zasięgu")
    mine.get_by_test_id("post-edit").click()
    check(page, shots, "08-thread-edit")
    page.get_by_role("button", name="Anuluj").click()
    mine.get_by_test_id("post-delete").click()
    expect(page.get_by_test_id("delete-confirm")).to_be_visible()
    check(page, shots, "09-thread-delete-confirm")
    page.get_by_test_id("delete-yes").click()
    expect(mine).to_have_count(0)

    page.goto("/#/rejected")
    expect(page.get_by_test_id("rejected")).to_be_visible()
    check(page, shots, "10-rejected-empty")

    page.goto("/#/")
    page.get_by_test_id("signout").click()
    expect(page.get_by_test_id("signout-confirm")).to_be_visible()
    check(page, shots, "11-signout-confirm")
    page.get_by_role("button", name="Anuluj").click()

    page.get_by_test_id("lang-toggle").click()
    expect(page.get_by_role("heading", name="My networks")).to_be_visible()
    check(page, shots, "12-home-en")
    open_thread(page, THREAD)
    check(page, shots, "13-thread-en")
    page.get_by_test_id("lang-toggle").click()
    expect(page.get_by_test_id("reply-send")).to_have_text("Wyślij")


def test_catalogue_for_a_newcomer_fits(new_context, sign_in, shots):
    context = new_context()
    page = sign_in(context.new_page(), "katarzyna.wojcik@example.org")
    expect(page.get_by_test_id("join-network").first).to_be_visible()
    check(page, shots, "14-home-catalogue-join")
