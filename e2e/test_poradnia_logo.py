"""The Poradnia's logo: a staff admin picks an image on the Poradnia's details
screen, it goes up with the attachments' uploader and `poradnia.update
{logo_sha256}`; the header shows it, and so does the sign-in screen once she is
signed out (the logo's address is public). Offline the screen says that sending
it needs a connection. At the end "Usuń logo" takes it away again."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw
from playwright.sync_api import expect

from e2e.helpers import check_screen as check
from e2e.networks import wait_synced


def _png() -> bytes:
    img = Image.new("RGB", (240, 96), "#ffffff")
    draw = ImageDraw.Draw(img)
    draw.ellipse((8, 8, 88, 88), fill="#0b6e6e")
    draw.rectangle((104, 30, 232, 66), fill="#e07a1f")
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _open_poradnia(page):
    page.get_by_test_id("nav-staff").click()
    page.get_by_test_id("staff-poradnia").click()
    expect(page.get_by_test_id("logo-form")).to_be_visible()
    return page.locator("#pp-name").input_value()


def test_logo_set_shown_and_removed(new_context, sign_in, shots):
    context = new_context()
    page = sign_in(context.new_page(), "koordynator@example.org")
    name = _open_poradnia(page)
    expect(page.get_by_test_id("logo-none")).to_be_visible()

    context.set_offline(True)
    expect(page.get_by_test_id("logo-offline")).to_contain_text("wymaga połączenia z internetem")
    check(page, shots, "60-poradnia-logo-offline")
    context.set_offline(False)
    expect(page.get_by_test_id("logo-offline")).to_have_count(0)

    page.get_by_test_id("logo-input").set_input_files(
        files=[{"name": "logo.png", "mimeType": "image/png", "buffer": _png()}])
    expect(page.get_by_test_id("logo-preview")).to_be_visible()
    check(page, shots, "61-poradnia-logo-picked")
    page.get_by_test_id("logo-send").click()
    expect(page.get_by_test_id("logo-done")).to_have_text("Logo zapisane.")
    wait_synced(page)

    header_logo = page.get_by_test_id("header-logo")
    expect(header_logo).to_have_attribute("data-loaded", "true")
    expect(header_logo).to_have_attribute("alt", name)
    assert header_logo.get_attribute("src").startswith("/api/poradnia/logo?v=")
    expect(page.get_by_test_id("logo-current")).to_be_visible()
    check(page, shots, "62-poradnia-logo-saved")

    page.get_by_test_id("signout").click()
    page.get_by_test_id("signout-yes").click()
    expect(page.get_by_test_id("signin")).to_be_visible()
    expect(page.get_by_test_id("signin-logo")).to_have_attribute("data-loaded", "true")
    check(page, shots, "63-signin-with-logo")

    # A phone that never signed in sees it too.
    fresh = new_context().new_page()
    fresh.goto("/")
    expect(fresh.get_by_test_id("signin-logo")).to_have_attribute("data-loaded", "true")
    assert fresh.request.get("/api/poradnia/logo").headers["content-type"].startswith("image/")

    # "Usuń logo": gone from the header at once, and the public address has nothing
    # (a phone that showed it keeps its copy for the day the server lets it cache).
    page = sign_in(new_context().new_page(), "koordynator@example.org")
    expect(page.get_by_test_id("header-logo")).to_have_attribute("data-loaded", "true")
    _open_poradnia(page)
    page.get_by_test_id("logo-remove").click()
    expect(page.get_by_test_id("logo-none")).to_be_visible()
    expect(page.get_by_test_id("header-logo")).to_have_count(0)
    wait_synced(page)
    assert fresh.request.get("/api/poradnia/logo").status == 404
