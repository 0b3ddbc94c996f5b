"""Past the sign-in letters' limit for an address, the sign-in screen says how it stands, in the
server's words (a 429), instead of a vague failure. Screenshot at 360 px."""
from __future__ import annotations

import requests
from playwright.sync_api import expect

from e2e.helpers import check_screen as check
from server import ratelimits


def test_too_many_links_for_one_address_are_explained(new_context, server, shots):
    for _ in range(int(ratelimits.SIGN_IN_LETTERS.split()[0])):  # letters asked for her before, by anyone
        assert requests.post(f"{server.url}/api/auth/email-link", json={"email": "anna.nowak@example.org"},
                             timeout=10).status_code == 202
    page = new_context().new_page()
    page.goto("/")
    page.get_by_test_id("signin-email").fill("anna.nowak@example.org")
    page.get_by_test_id("signin-send").click()
    expect(page.get_by_test_id("signin-error")).to_have_text(ratelimits.SIGN_IN_TOO_MANY)
    check(page, shots, "signin-too-many")
