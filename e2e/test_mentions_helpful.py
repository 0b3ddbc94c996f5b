"""@mentions and "pomocne" between two members: Anna mentions Jan through the
autocomplete, Jan gets a notification (bell, list) and sees his name marked;
he marks her post helpful, and she sees the count and who, live."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.forum_steps import start_thread
from e2e.helpers import post

THREAD = "Oś liczbowa na boisku — relacje"


def test_mention_and_helpful_round_trip(new_context, sign_in):
    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    anna = sign_in(new_context().new_page(), "anna.nowak@example.org")
    start_thread(anna, THREAD, "Jak Wam poszło z osią liczbową?")

    box = anna.get_by_test_id("reply-input")
    box.click()
    box.press_sequentially("Dzięki za oś liczbową, @Ja")
    anna.get_by_test_id("mention-suggestion").filter(has_text="@Jan Kowalski").click()
    expect(box).to_have_value("Dzięki za oś liczbową, @Jan Kowalski ")
    box.press_sequentially("— spróbuję w piątek!")
    anna.get_by_test_id("reply-send").click()
    mine = post(anna, "spróbuję w piątek")
    expect(mine.locator(".mention")).to_have_text("@Jan Kowalski")
    expect(mine.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)

    # Jan: the bell counts it, the list says who mentioned him, a tap opens the thread.
    expect(jan.get_by_test_id("notes-unread")).to_be_visible(timeout=30_000)
    jan.get_by_test_id("notes-bell").click()
    note = jan.locator("[data-testid=note-item][data-kind=mention]")
    expect(note).to_contain_text("Anna Nowak: wzmianka o Tobie we wpisie")  # her profile records no form: neutral
    note.click()
    expect(jan.get_by_test_id("thread-heading")).to_have_text(THREAD)
    from_anna = post(jan, "spróbuję w piątek")
    expect(from_anna.locator(".mention")).to_have_text("@Jan Kowalski")

    from_anna.get_by_test_id("helpful-toggle").click()
    expect(from_anna.get_by_test_id("helpful-toggle")).to_have_attribute("aria-pressed", "true")
    expect(from_anna.get_by_test_id("helpful-n")).to_have_text(" · 1")

    # Anna sees it live; her own post has no toggle, only the count and who.
    count = mine.get_by_test_id("helpful-count")
    expect(count).to_contain_text("1 osoba uznała za pomocne", timeout=30_000)
    count.click()
    expect(mine.get_by_test_id("helpful-who")).to_contain_text("Jan Kowalski")
    expect(mine.get_by_test_id("helpful-toggle")).to_have_count(0)

    # He takes it back: set, not toggled — her count goes with it.
    from_anna.get_by_test_id("helpful-toggle").click()
    expect(from_anna.get_by_test_id("helpful-toggle")).to_have_attribute("aria-pressed", "false")
    expect(mine.get_by_test_id("helpful-count")).to_have_count(0, timeout=30_000)


def test_unread_since_last_visit_and_star(new_context, sign_in):
    """What is new since her last visit, counted from her reading state (thread.state)."""
    anna = sign_in(new_context().new_page(), "anna.nowak@example.org")
    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    start_thread(anna, "Wycieczka do planetarium", "Kto jedzie w maju?")

    jan.goto("/#/")
    jan.get_by_test_id("my-network").first.click()
    item = jan.get_by_test_id("thread-item").filter(has_text="Wycieczka do planetarium")
    expect(item.get_by_test_id("thread-unread")).to_have_text("Nowy — jeszcze nieprzeczytany", timeout=30_000)
    item.click()
    jan.get_by_test_id("thread-star").click()
    expect(jan.get_by_test_id("thread-star")).to_have_attribute("aria-pressed", "true")
    jan.get_by_test_id("back-link").click()
    expect(item.get_by_test_id("thread-unread")).to_have_count(0)
    expect(item.get_by_test_id("thread-starred")).to_be_visible()

    post_text = "Jedziemy 12 maja, zbiórka o 8:00."
    anna.get_by_test_id("reply-input").fill(post_text)
    anna.get_by_test_id("reply-send").click()
    expect(item.get_by_test_id("thread-unread")).to_have_text("1 nowy wpis od ostatniej wizyty", timeout=30_000)
    jan.get_by_test_id("category-tab").filter(has_text="Obserwowane").click()
    expect(jan.get_by_test_id("thread-item")).to_have_count(1)
    item.click()
    expect(post(jan, post_text)).to_be_visible()
    jan.get_by_test_id("back-link").click()
    expect(item.get_by_test_id("thread-unread")).to_have_count(0)
