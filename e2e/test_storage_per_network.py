"""Phone storage per network: one network kept whole, another only its last 90 days; the
profile's storage card shows what each takes, and the threads show the difference."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.forum_steps import open_own_thread, start_thread
from e2e.helpers import post, reply
from e2e.test_accessibility import Walk
from e2e.test_growth import age_posts

MATH, GIFTED = "Sieć matematyków", "Sieć nauczycieli pracujących z uczniem zdolnym"
MATH_THREAD, GIFTED_THREAD = "Stare karty pracy z ułamkami", "Stare zadania konkursowe"


def network_card(page, name: str):
    return page.get_by_test_id("storage-network").filter(has=page.get_by_role("heading", name=name))


def written_long_ago(new_context, sign_in, server, email: str, network: str, title: str) -> None:
    page = sign_in(new_context().new_page(), email)
    start_thread(page, title, f"Pierwszy wpis: {title}.", network=network)
    reply(page, "Druga karta, też sprzed roku.")
    reply(page, "A to z tego tygodnia.")
    expect(page.get_by_test_id("sync-pending-count")).to_have_count(0, timeout=30_000)
    old = [post(page, "Pierwszy wpis").get_attribute("data-post-id"), post(page, "Druga karta").get_attribute("data-post-id")]
    age_posts(server, old, days=200)
    page.context.close()


def test_one_network_whole_another_recent(new_context, sign_in, server, shots):
    written_long_ago(new_context, sign_in, server, "jan.kowalski@example.org", MATH, MATH_THREAD)
    written_long_ago(new_context, sign_in, server, "piotr.zielinski@example.org", GIFTED, GIFTED_THREAD)

    # bypass_csp: axe is injected as a script of the test's own
    ewa = sign_in(new_context(viewport={"width": 360, "height": 780}, bypass_csp=True).new_page(), "ewa.wisniewska@example.org")
    ewa.goto("/#/profile")
    math, gifted = network_card(ewa, MATH), network_card(ewa, GIFTED)
    expect(math.get_by_test_id("storage-keep-recent")).to_be_checked()
    expect(gifted.get_by_test_id("storage-keep-recent")).to_be_checked()
    expect(ewa.get_by_test_id("storage-total")).to_contain_text("Krąg zajmuje na tym telefonie około")
    math_before = math.get_by_test_id("storage-size").inner_text()

    math.get_by_text("Wszystkie wpisy").click()
    expect(math.get_by_test_id("storage-keep-whole")).to_be_checked()
    expect(math.get_by_test_id("storage-size")).not_to_have_text(math_before, timeout=30_000)  # the old posts came
    expect(gifted.get_by_test_id("storage-keep-recent")).to_be_checked()
    math.scroll_into_view_if_needed()
    ewa.screenshot(path=str(shots / "profile-storage-per-network.png"))
    walk = Walk(ewa, shots)  # axe in light and dark, touch targets of 44 px
    walk.check("profile-storage")
    assert walk.failures == [], "\n".join(walk.failures)

    open_own_thread(ewa, MATH_THREAD, MATH)
    expect(ewa.get_by_test_id("post-item")).to_have_count(3)
    expect(ewa.get_by_test_id("older-posts")).to_have_count(0)
    open_own_thread(ewa, GIFTED_THREAD, GIFTED)
    expect(ewa.get_by_test_id("post-item")).to_have_count(1)
    expect(ewa.get_by_test_id("older-posts")).to_contain_text("Na telefonie nie ma 2 starszych wpisów")

    ewa.evaluate("localStorage.setItem('krag.lang', 'en')")  # the choice stays, in English too
    ewa.goto("/#/profile")
    ewa.reload()
    expect(ewa.get_by_test_id("storage-total")).to_contain_text("Krąg takes about", timeout=30_000)
    expect(network_card(ewa, MATH).get_by_test_id("storage-keep-whole")).to_be_checked()
    expect(network_card(ewa, MATH)).to_contain_text("Every post")
    expect(network_card(ewa, GIFTED)).to_contain_text("The last 90 days")
