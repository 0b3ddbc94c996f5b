"""Passkeys in Chromium, through its virtual authenticator (CDP WebAuthn): after her first sign-in
by link she is offered one and adds it; her profile lists it and renames it; signed out, this
device offers the passkey first and it signs her in. Recovery: "Nie mogę użyć klucza" leads to the
e-mailed link, and a link staff send her signs her in once. Browsers refuse an IP address as a
relying party, so this server is at http://localhost (KRAG_BASE_URL as README says)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.browser import PHONE
from e2e.conftest import KragServer
from e2e.helpers import MATH, check_screen as check
from e2e.networks import letter, link_in, open_network, wait_synced

ANNA, STAFF = "anna.nowak@example.org", "koordynator@example.org"


@pytest.fixture
def server(tmp_path, seeded):
    """This test's own server, named localhost (the relying party of its passkeys)."""
    (tmp_path / "server").mkdir()
    srv = KragServer(tmp_path / "server", seeded=seeded)
    srv.url = f"http://localhost:{srv.port}"
    srv.env["KRAG_BASE_URL"] = srv.url
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def phone(browser, server):
    """A 360 px phone with a platform authenticator that verifies her (a fingerprint)."""
    context = browser.new_context(viewport=PHONE, locale="pl-PL", base_url=server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True, "hasUserVerification": True,
        "isUserVerified": True, "automaticPresenceSimulation": True}})
    page.authenticator = (cdp, added["authenticatorId"])
    yield page
    context.close()


def credentials(page) -> list[dict]:
    cdp, authenticator = page.authenticator
    return cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]


def test_add_a_passkey_after_the_link_then_sign_in_with_it(phone, server, shots):
    page = phone
    page.goto(server.login_link(ANNA))
    page.get_by_test_id("signin-link-go").click()
    offer = page.get_by_test_id("passkey-offer")
    expect(offer).to_contain_text("Dodaj klucz dostępu")
    expect(offer).to_contain_text("nie na wspólnym komputerze w szkole")
    check(page, shots, "passkey-01-offer")
    page.get_by_test_id("passkey-offer-add").click()
    expect(page.get_by_test_id("passkey-offer-done")).to_be_visible()
    (made,) = credentials(page)
    assert made["isResidentCredential"] is True

    page.goto("/#/profile")
    row = page.get_by_test_id("passkey-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("jeszcze nieużyty")
    page.get_by_test_id("passkey-rename").click()
    page.get_by_test_id("passkey-name").fill("Telefon Anny")
    page.get_by_test_id("passkey-name-save").click()
    expect(page.get_by_test_id("passkey-row-name")).to_have_text("Telefon Anny")
    expect(page.get_by_test_id("sync-last")).to_contain_text("Ostatnia synchronizacja")
    page.get_by_test_id("passkeys").scroll_into_view_if_needed()
    check(page, shots, "passkey-02-profile")

    sign_out(page)
    first = page.get_by_test_id("passkey-first")  # this device has a passkey: offered first
    expect(first).to_contain_text("Zaloguj się kluczem dostępu")
    check(page, shots, "passkey-03-signin")
    first.get_by_test_id("passkey-signin").click()
    expect(page.get_by_test_id("home")).to_be_visible()
    expect(page.get_by_test_id("passkey-offer")).to_have_count(0)  # offered once
    assert credentials(page)[0]["signCount"] >= 1

    page.goto("/#/profile")
    expect(page.get_by_test_id("passkey-row")).to_contain_text("ostatnio użyty")
    page.get_by_test_id("passkey-remove").click()
    page.get_by_test_id("passkey-remove-yes").click()
    expect(page.get_by_test_id("passkeys-none")).to_be_visible()
    expect(page.get_by_test_id("sync-last")).to_contain_text("Ostatnia synchronizacja")


def test_her_passkey_in_the_address_suggestions_then_the_link_when_it_is_gone(phone, server, shots):
    page = phone
    page.goto(server.login_link(ANNA))
    page.get_by_test_id("signin-link-go").click()
    page.get_by_test_id("passkey-offer-add").click()
    expect(page.get_by_test_id("passkey-offer-done")).to_be_visible()
    sign_out(page)

    page.get_by_test_id("passkey-cant-use").click()
    # Conditional UI: the field (autocomplete="username webauthn") has the browser offer her passkey
    # in its suggestions; Chromium's virtual authenticator answers at once, as if she had picked it.
    expect(page.get_by_test_id("home")).to_be_visible()  # no button tapped
    sign_out(page)

    cdp, authenticator = page.authenticator
    cdp.send("WebAuthn.clearCredentials", {"authenticatorId": authenticator})  # the key is gone
    page.get_by_test_id("passkey-cant-use").click()
    page.get_by_test_id("signin-email").fill(ANNA)
    expect(page.get_by_test_id("passkey-signin")).to_be_visible()  # still there, under the form
    check(page, shots, "passkey-04-cant-use")
    page.get_by_test_id("lang-toggle").click()
    expect(page.get_by_test_id("passkey-signin")).to_have_text("Sign in with a passkey")
    check(page, shots, "passkey-04-cant-use-en")
    page.get_by_test_id("lang-toggle").click()
    page.get_by_test_id("signin-send").click()
    expect(page.get_by_test_id("signin-sent")).to_contain_text(ANNA)
    page.goto(link_in(letter(server.mail_dir, ANNA, "Link do logowania w Kręgu"), "/auth/link/"))
    page.get_by_test_id("signin-link-go").click()
    expect(page.get_by_test_id("home")).to_be_visible()


def sign_out(page):
    page.get_by_test_id("signout").click()
    page.get_by_test_id("signout-yes").click()
    expect(page.get_by_test_id("passkey-first")).to_be_visible()  # this device has used a passkey


def test_staff_send_a_link_to_a_teacher_who_lost_her_phone(phone, new_context, sign_in, server, shots):
    staff = sign_in(new_context().new_page(), STAFF)
    open_network(staff, MATH)
    staff.get_by_test_id("manage-open").click()
    anna = staff.get_by_test_id("member").filter(has_text="Anna Nowak")
    anna.get_by_test_id("signin-link-issue").click()
    expect(anna).to_contain_text("Link działa 24 godziny")
    check(staff, shots, "passkey-05-staff-link")
    anna.get_by_test_id("signin-link-yes").click()
    expect(anna.get_by_test_id("signin-link-sent")).to_be_visible()
    wait_synced(staff)

    sent = letter(server.mail_dir, ANNA, "Link do logowania w Kręgu od poradni")
    assert "Małgorzata Lis z poradni" in sent.get_body(preferencelist=("plain",)).get_content()
    link = link_in(sent, "/auth/link/")
    phone.goto(link)
    phone.get_by_test_id("signin-link-go").click()
    expect(phone.get_by_test_id("home")).to_be_visible()
    used = new_context().new_page()
    used.goto(link)
    used.get_by_test_id("signin-link-go").click()
    expect(used.get_by_test_id("signin-error")).to_contain_text("wygasł albo został już użyty")
