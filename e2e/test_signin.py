"""Signing in by e-mailed link, as it happens on a phone: the link opens in
another window, and the app's own window follows."""
from __future__ import annotations

from playwright.sync_api import expect


def test_link_opened_elsewhere_signs_in_the_waiting_window(new_context, server):
    context = new_context()
    app = context.new_page()
    app.goto("/")
    app.get_by_test_id("signin-email").fill("jan.kowalski@example.org")
    app.get_by_test_id("signin-send").click()
    expect(app.get_by_test_id("signin-sent")).to_contain_text("jan.kowalski@example.org")

    mail_window = context.new_page()  # the mail app opens the link in the browser
    mail_window.goto(server.login_link("jan.kowalski@example.org"))
    expect(mail_window.get_by_test_id("my-network").first).to_be_visible()

    expect(app.get_by_test_id("home")).to_be_visible()  # no reload, no tap
    expect(app.get_by_test_id("my-network").filter(has_text="Sieć matematyków")).to_be_visible()


def test_used_link_says_so(new_context, server):
    link = server.login_link("anna.nowak@example.org")
    first = new_context().new_page()
    first.goto(link)
    expect(first.get_by_test_id("home")).to_be_visible()

    second = new_context().new_page()
    second.goto(link)  # one-time links
    expect(second.get_by_test_id("signin-error")).to_contain_text("wygasł albo został już użyty")
    assert "login_error" not in second.url
