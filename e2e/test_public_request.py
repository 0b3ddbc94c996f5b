"""Asking for a network with no account: the form behind "Nie masz konta?",
which needs a connection and says so; then the e-mailed link opens a screen
(opening it files nothing), and its button confirms the address, makes the
account and files the request."""
from __future__ import annotations

import requests
from playwright.sync_api import expect

from e2e.helpers import check_screen as check
from e2e.networks import JUSTIFICATION, letter, link_in

EMAIL = "dyrektor.humniska@example.org"
NAME = "Sieć dyrektorów szkół wiejskich"


def test_public_request_confirmed_by_mail(new_context, server, shots):
    context = new_context()
    page = context.new_page()
    page.goto("/")
    page.get_by_test_id("public-request-open").click()
    expect(page.get_by_test_id("public-request")).to_be_visible()
    page.get_by_test_id("pr-send").click()
    expect(page.locator(".field-error").first).to_be_visible()
    check(page, shots, "40-public-request-errors")

    page.get_by_test_id("pr-email").fill(EMAIL)
    page.get_by_test_id("pr-person").fill("Tomasz Wiejski")
    page.get_by_test_id("pr-function").select_option("director")
    page.get_by_test_id("rq-name").fill(NAME)
    page.get_by_test_id("rq-kind-problem").check()
    page.get_by_test_id("rq-topic").fill("zarządzanie małą szkołą")
    page.get_by_test_id("rq-justification").fill(JUSTIFICATION)
    page.get_by_test_id("rq-recruitment-closed").check()
    page.get_by_test_id("rq-expected").fill("8")

    context.set_offline(True)
    page.get_by_test_id("pr-send").click()
    expect(page.get_by_test_id("public-offline")).to_contain_text("wymaga połączenia z internetem")
    check(page, shots, "41-public-request-offline")
    context.set_offline(False)
    page.get_by_test_id("pr-send").click()
    expect(page.get_by_test_id("public-sent")).to_contain_text("Sprawdź skrzynkę")
    check(page, shots, "42-public-request-sent")

    link = link_in(letter(server.mail_dir, EMAIL, "Potwierdź adres e-mail"), "/auth/confirm-request/")
    for _ in range(2):  # a mail scanner opens every link first: that must not file anything
        assert requests.head(link, timeout=10).status_code == 200
        assert requests.get(link, timeout=10).status_code == 200
    page.goto(link)
    expect(page.get_by_test_id("confirm-intro")).to_contain_text(f"„{NAME}”")
    expect(page.get_by_test_id("confirm-intro")).to_contain_text(EMAIL)
    check(page, shots, "43-public-request-confirm")
    page.get_by_test_id("confirm-go").click()
    item = page.get_by_test_id("request-item").filter(has_text=NAME)
    expect(item.get_by_test_id("request-status")).to_have_text("oczekuje na decyzję", timeout=30_000)
    expect(page.get_by_test_id("nav-requests")).to_have_attribute("aria-current", "page")

    again = new_context().new_page()
    again.goto(link)  # used: the screen says so on the sign-in side
    expect(again.get_by_test_id("signin-error")).to_contain_text("wygasł albo został już użyty")
