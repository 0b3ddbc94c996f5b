"""Installing, and the page for what is not on the phone: where the browser offers installing
(beforeinstallprompt) the home screen says why and installs with one tap; Safari on an iPhone
gets the add-to-home-screen steps; a page the service worker does not hold, opened with no
connection, shows Krąg's offline page, which leads back into the app."""
from __future__ import annotations

from playwright.sync_api import expect

IPHONE_SAFARI = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                 "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")

# What Chromium fires when the app may be installed (a headless one never does by itself).
OFFER_INSTALL = """() => {
  const e = new Event('beforeinstallprompt', { cancelable: true });
  e.prompt = () => { window.__prompted = true; };
  e.userChoice = Promise.resolve({ outcome: 'accepted', platform: 'web' });
  dispatchEvent(e);
}"""


def test_install_offer_says_why_and_offline_page_for_the_rest(new_context, sign_in, shots):
    context = new_context()
    page = sign_in(context.new_page(), "anna.nowak@example.org")
    offer = page.get_by_test_id("install-offer")
    expect(offer).to_have_count(0)  # nothing to offer until the browser says it can install

    page.evaluate(OFFER_INSTALL)
    expect(offer).to_contain_text("działa bez internetu")
    page.screenshot(path=str(shots / "install-offer.png"))
    offer.get_by_test_id("install-go").click()
    assert page.evaluate("() => window.__prompted") is True
    expect(offer).to_have_count(0)

    context.set_offline(True)
    page.goto("/auth/link/opened-without-a-connection")
    expect(page.get_by_test_id("offline-page")).to_contain_text("Brak połączenia")
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(shots / "offline-page-dark.png"), full_page=True)
    page.emulate_media(color_scheme="light")
    page.get_by_test_id("offline-home").click()
    expect(page.get_by_test_id("my-network").first).to_be_visible()


def test_iphone_gets_the_add_to_home_screen_steps_until_she_has_read_them(new_context, sign_in):
    page = sign_in(new_context(user_agent=IPHONE_SAFARI).new_page(), "jan.kowalski@example.org")
    offer = page.get_by_test_id("install-offer")
    expect(offer.get_by_test_id("install-ios-how")).to_contain_text("Do ekranu początkowego")
    expect(offer.get_by_test_id("install-go")).to_have_count(0)
    offer.get_by_test_id("install-later").click()
    expect(offer).to_have_count(0)
    page.reload()
    expect(page.get_by_test_id("my-network").first).to_be_visible()
    expect(offer).to_have_count(0)
