"""Signing in by e-mailed link, as it happens on a phone: the link opens a screen
whose button signs in (opening it alone uses nothing up: a mail scanner fetches
links first), and the app's own window follows."""
from __future__ import annotations

import requests
from playwright.sync_api import expect

from e2e.helpers import check_screen as check


def test_the_link_opens_a_screen_and_its_button_signs_in(new_context, server, shots):
    link = server.login_link("anna.nowak@example.org")
    for _ in range(2):  # what a mail scanner does before she taps the link
        assert requests.head(link, timeout=10).status_code == 200
        assert requests.get(link, timeout=10).status_code == 200

    page = new_context().new_page()
    page.goto(link)
    screen = page.get_by_test_id("signin-link")
    expect(screen).to_contain_text("Logowanie do Kręgu")
    assert page.url == f"{server.url}/"  # the token does not linger in the address bar
    assert page.evaluate("fetch('/api/me').then(r => r.status)") == 401  # opening it signed nobody in
    check(page, shots, "05-signin-link")
    page.get_by_test_id("signin-link-go").click()
    expect(page.get_by_test_id("home")).to_be_visible()
    expect(page.get_by_test_id("my-network").filter(has_text="Sieć matematyków")).to_be_visible()


def test_link_opened_elsewhere_signs_in_the_waiting_window(new_context, server):
    context = new_context()
    app = context.new_page()
    app.goto("/")
    app.get_by_test_id("signin-email").fill("jan.kowalski@example.org")
    app.get_by_test_id("signin-send").click()
    expect(app.get_by_test_id("signin-sent")).to_contain_text("jan.kowalski@example.org")

    mail_window = context.new_page()  # the mail app opens the link in the browser
    mail_window.goto(server.login_link("jan.kowalski@example.org"))
    mail_window.get_by_test_id("signin-link-go").click()
    expect(mail_window.get_by_test_id("my-network").first).to_be_visible()

    expect(app.get_by_test_id("home")).to_be_visible()  # no reload, no tap
    expect(app.get_by_test_id("my-network").filter(has_text="Sieć matematyków")).to_be_visible()


def test_used_link_says_so(new_context, server, shots):
    link = server.login_link("anna.nowak@example.org")
    first = new_context().new_page()
    first.goto(link)
    first.get_by_test_id("signin-link-go").click()
    expect(first.get_by_test_id("home")).to_be_visible()

    second = new_context().new_page()
    second.goto(link)  # one-time links: the screen opens, its button says the link is used
    second.get_by_test_id("signin-link-go").click()
    expect(second.get_by_test_id("signin-error")).to_contain_text("wygasł albo został już użyty")
    expect(second.get_by_test_id("signin-email")).to_be_visible()  # and she can ask for a new one
    check(second, shots, "06-signin-link-used")


def test_offline_the_link_stays_valid(new_context, server):
    context = new_context()
    page = context.new_page()
    page.goto(server.login_link("ewa.wisniewska@example.org"))
    expect(page.get_by_test_id("signin-link")).to_be_visible()
    context.set_offline(True)
    page.get_by_test_id("signin-link-go").click()
    expect(page.get_by_test_id("signin-link-notice")).to_contain_text("Link nadal jest ważny")
    context.set_offline(False)
    page.get_by_test_id("signin-link-go").click()
    expect(page.get_by_test_id("home")).to_be_visible()
