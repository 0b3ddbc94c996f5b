"""Finding things (#13): a search from the home screen over all her networks names each result's
network and marks the words found; home counts what is new in each network and the count drops
once she reads; her profile shows her e-mail address and gathers her settings; in English the
dates read in English."""
from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from e2e.helpers import GIFTED, MATH, check_screen
from tests.processes import Person

EWA = "ewa.wisniewska@example.org"  # in both demo networks
TITLE = "Olimpiada przyrodnicza dla zdolnych"
BODY = "Szukam pomysłów na kółko przyrodnicze: doświadczenia z magnesami i żyroskopem."


def unread_in(page, network: str):
    """The number home shows for the network (0 when it shows none)."""
    badge = page.get_by_test_id("my-network").filter(has_text=network).get_by_test_id("network-unread")
    return int(re.match(r"\d+", badge.inner_text()).group()) if badge.count() else 0


def test_search_from_home_unread_counts_profile_settings_and_english_dates(new_context, sign_in, server, shots):
    piotr = Person(server, "piotr.zielinski@example.org")
    gifted = next(r["id"] for r in piotr.rows() if r["type"] == "network" and r["data"]["name"] == GIFTED)
    piotr.push(("thread.create", {"id": str(uuid.uuid4()), "network_id": gifted, "title": TITLE, "body": BODY,
                                  "post_id": str(uuid.uuid4())}))

    ewa = sign_in(new_context().new_page(), EWA)
    home_thread = ewa.get_by_test_id("my-network").filter(has_text=GIFTED)
    expect(home_thread.get_by_test_id("network-unread")).to_be_visible(timeout=30_000)
    expect(ewa.get_by_test_id("my-network").filter(has_text=MATH).get_by_test_id("network-unread")).to_be_visible()
    expect(home_thread.get_by_test_id("network-unread")).to_have_text(re.compile(r"^\d+ now(y|e|ych) wpis"))
    before = unread_in(ewa, GIFTED)
    assert before >= 2, before  # Piotr's reply in her own thread and his new thread
    check_screen(ewa, shots, "finding-home")

    # From home, with an ending and no Polish letters: the thread of the other network.
    ewa.get_by_test_id("home-search-input").fill("zyroskop magnesow")
    ewa.get_by_test_id("home-search-submit").click()
    expect(ewa.get_by_test_id("search")).to_be_visible()
    expect(ewa.get_by_test_id("search-input")).to_have_value("zyroskop magnesow")
    hit = ewa.get_by_test_id("search-result").filter(has_text="żyroskopem")
    expect(hit.first).to_be_visible(timeout=15_000)
    expect(hit.first.get_by_test_id("search-network-name")).to_have_text(GIFTED)
    marks = hit.first.get_by_test_id("search-mark")
    expect(marks).to_have_text(["magnesami", "żyroskopem"])
    check_screen(ewa, shots, "finding-search")

    hit.first.click()
    expect(ewa.get_by_test_id("thread-heading")).to_have_text(TITLE)
    ewa.goto("/#/")
    expect(ewa.get_by_test_id("my-network").first).to_be_visible()
    ewa.wait_for_function(
        """([net, before]) => {
          const item = [...document.querySelectorAll('[data-testid=my-network]')].find((el) => el.textContent.includes(net));
          const badge = item && item.querySelector('[data-testid=network-unread]');
          return (badge ? parseInt(badge.textContent, 10) : 0) === before - 1;
        }""", arg=[GIFTED, before])

    # Profile: her address and the settings, gathered.
    ewa.get_by_test_id("nav-profile").click()
    expect(ewa.get_by_test_id("profile-email")).to_have_text(EWA)
    settings = ewa.get_by_test_id("profile-settings")
    expect(settings.get_by_test_id("settings-lang")).to_be_visible()
    expect(settings.get_by_test_id("email-prefs")).to_be_visible()
    expect(settings.get_by_test_id("keep-history")).to_be_visible()
    settings.scroll_into_view_if_needed()
    check_screen(ewa, shots, "finding-profile")

    ewa.get_by_test_id("settings-lang-en").check()
    expect(ewa.get_by_role("heading", name="Settings")).to_be_visible()
    expect(ewa.locator("html")).to_have_attribute("lang", "en")
    check_screen(ewa, shots, "finding-profile-en")

    # Dates in English: the demo's meeting two weeks ago, and the home count's words.
    ewa.goto("/#/")
    expect(ewa.get_by_test_id("my-network").filter(has_text=MATH).get_by_test_id("network-unread")).to_have_text(
        re.compile(r"^\d+ new posts?$"))
    math = ewa.get_by_test_id("my-network").filter(has_text=MATH).get_attribute("data-network-id")
    ewa.goto(f"/#/n/{math}/meetings")
    ewa.get_by_test_id("meeting-item").filter(has_text="Ułamki bez lęku").click()
    expect(ewa.get_by_test_id("meeting-when")).to_contain_text(
        re.compile(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} "
                   r"(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"))
    check_screen(ewa, shots, "finding-meeting-en")
