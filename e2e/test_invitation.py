"""An invitation by e-mail: the letter's link opens "Zaproszenie do sieci" and
changes nothing by itself (a mail scanner opens links too); for someone with no
account her name and a tap are all it takes, for someone with one a tap, and the
network opens. A used link says so clearly."""
from __future__ import annotations

import requests
from playwright.sync_api import expect

from e2e.helpers import GIFTED, MATH, check_screen as check
from e2e.networks import letter, link_in, open_network, wait_synced

NEWCOMER = "zofia.nowicka@example.org"
TEACHER = "marta.lis@example.org"


def test_invited_newcomer_joins_with_her_name(new_context, sign_in, server, shots):
    coordinator = sign_in(new_context().new_page(), "koordynator@example.org")
    open_network(coordinator, MATH)
    coordinator.get_by_test_id("manage-open").click()
    coordinator.get_by_test_id("invite-section").locator("summary").click()
    coordinator.get_by_test_id("invite-email").fill(NEWCOMER)
    coordinator.get_by_test_id("invite-role-expert").check()
    coordinator.get_by_test_id("invite-send").click()  # an expert needs her last day
    expect(coordinator.get_by_test_id("invite").locator(".field .field-error")).to_have_text("To pole nie może być puste.")
    check(coordinator, shots, "30-invite-expert-needs-date")
    coordinator.get_by_test_id("invite-role-member").check()
    coordinator.get_by_test_id("invite-send").click()
    expect(coordinator.get_by_test_id("invite-queued")).to_contain_text(NEWCOMER)
    wait_synced(coordinator)

    link = link_in(letter(server.mail_dir, NEWCOMER, "Zaproszenie do sieci"), "/auth/invite/")
    for _ in range(2):  # a mail scanner opens every link first: that must not use it up
        assert requests.head(link, timeout=10).status_code == 200
        assert requests.get(link, timeout=10).status_code == 200
    context = new_context()
    page = context.new_page()
    page.goto(link)  # the invitation's screen; opening it changes nothing
    expect(page.get_by_test_id("invitation-for")).to_contain_text(f"„{MATH}”")
    expect(page.get_by_test_id("invitation-for")).to_contain_text(NEWCOMER)
    assert page.url == f"{server.url}/"  # the token does not linger in the address bar
    page.get_by_test_id("invitation-accept").click()  # no name yet
    expect(page.locator(".field-error")).to_be_visible()
    check(page, shots, "31-invitation")
    page.get_by_test_id("invitation-name").fill("Zofia Nowicka")
    page.get_by_test_id("invitation-accept").click()

    expect(page.get_by_test_id("network-name")).to_have_text(MATH)
    expect(page.get_by_test_id("thread-item").filter(has_text="Jak uczyć ułamków")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("new-thread-open")).to_be_visible()
    page.get_by_test_id("nav-networks").click()
    expect(page.get_by_test_id("my-network").filter(has_text=MATH)).to_be_visible()

    # She shows up among the members on the coordinator's phone.
    member = coordinator.get_by_test_id("member").filter(has_text="Zofia Nowicka")
    expect(member).to_be_visible(timeout=30_000)

    # The link worked once; opened again elsewhere, it explains itself.
    again = new_context().new_page()
    again.goto(link)
    expect(again.get_by_test_id("signin-error")).to_contain_text("zaproszenie wygasło albo zostało już użyte")
    assert "login_error" not in again.url
    check(again, shots, "32-invitation-invalid")


def test_invited_teacher_with_an_account_joins_with_a_tap(new_context, sign_in, server, shots):
    server.cli("user", "add", TEACHER, "--name", "Marta Lis")  # her own account, in no network yet
    coordinator = sign_in(new_context().new_page(), "koordynator@example.org")
    open_network(coordinator, GIFTED)
    coordinator.get_by_test_id("manage-open").click()
    coordinator.get_by_test_id("invite-section").locator("summary").click()
    coordinator.get_by_test_id("invite-email").fill(TEACHER)
    coordinator.get_by_test_id("invite-send").click()
    expect(coordinator.get_by_test_id("invite-queued")).to_contain_text(TEACHER)
    wait_synced(coordinator)

    link = link_in(letter(server.mail_dir, TEACHER, "Zaproszenie do sieci"), "/auth/invite/")
    page = new_context().new_page()
    page.goto(link)
    expect(page.get_by_test_id("invitation-for")).to_contain_text(f"„{GIFTED}”")
    expect(page.get_by_test_id("invitation-name")).to_have_count(0)  # she has an account: no name to give
    check(page, shots, "33-invitation-with-account")
    page.get_by_test_id("invitation-accept").click()
    expect(page.get_by_test_id("network-name")).to_have_text(GIFTED)
    page.get_by_test_id("nav-networks").click()
    expect(page.get_by_test_id("my-network").filter(has_text=GIFTED)).to_be_visible()
