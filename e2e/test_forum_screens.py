"""The forum, library, notifications and search screens at 360 px: no sideways
scroll, thumb-sized targets, and a screenshot of each in /tmp/shots to look at."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.forum_steps import open_own_thread, start_thread
from e2e.helpers import MATH, check_screen, post, reply
from e2e.test_attachments_offline import png_bytes

THREAD = "Ułamki w praktyce — materiały"
MEETING = "Zebranie sieci — porządek obrad"


def test_forum_screens_at_360(new_context, sign_in, shots):
    coordinator = sign_in(new_context().new_page(), "koordynator@example.org")
    coordinator.get_by_test_id("my-network").filter(has_text=MATH).click()
    coordinator.get_by_test_id("categories-manage").click()
    coordinator.get_by_test_id("category-new").fill("Egzamin ósmoklasisty")
    coordinator.get_by_test_id("category-add").click()
    expect(coordinator.get_by_test_id("category-row")).to_have_count(4)
    check_screen(coordinator, shots, "forum-categories")
    start_thread(coordinator, MEETING, "Porządek obrad wyślę tydzień przed zebraniem.")
    coordinator.get_by_test_id("thread-pin").click()
    coordinator.get_by_test_id("thread-lock").click()
    expect(coordinator.get_by_test_id("thread-locked-badge")).to_be_visible()
    check_screen(coordinator, shots, "forum-thread-coordinator")

    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    start_thread(jan, THREAD, "U mnie sprawdza się oś liczbowa narysowana kredą na boisku.")
    reply(jan, "Polecam też klocki Cuisenaire’a — mam scenariusz lekcji, mogę przesłać.")

    anna = sign_in(new_context().new_page(), "anna.nowak@example.org")
    anna.get_by_test_id("my-network").filter(has_text=MATH).click()
    expect(anna.get_by_test_id("thread-pinned")).to_be_visible(timeout=30_000)
    expect(anna.get_by_test_id("thread-locked")).to_be_visible()
    check_screen(anna, shots, "forum-threads")

    open_own_thread(anna, THREAD)
    post(anna, "oś liczbowa").get_by_test_id("post-quote-reply").click()
    box = anna.get_by_test_id("reply-input")
    box.press_sequentially("Świetny pomysł! @Ew")
    expect(anna.get_by_test_id("mention-suggestion")).to_have_text("@Ewa Wiśniewska")
    anna.get_by_test_id("file-input").set_input_files(files=[
        {"name": "oś-liczbowa.png", "mimeType": "image/png", "buffer": png_bytes()},
        {"name": "scenariusz lekcji — ułamki.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"},
    ])
    expect(anna.get_by_test_id("picked-file")).to_have_count(2)
    check_screen(anna, shots, "forum-reply-mention")
    anna.get_by_test_id("mention-suggestion").click()
    expect(box).to_have_value("Świetny pomysł! @Ewa Wiśniewska ")
    box.press_sequentially("Podeślesz scenariusz?")
    anna.get_by_test_id("reply-send").click()
    mine = post(anna, "Świetny pomysł")
    expect(mine.get_by_test_id("post-quote")).to_contain_text("Jan Kowalski napisał(a):")
    mine.get_by_test_id("post-edit").click()
    anna.get_by_test_id("edit-input").fill("Świetny pomysł, @Ewa Wiśniewska! Podeślesz scenariusz na **piątek**?")
    anna.get_by_test_id("edit-save").click()
    expect(mine.get_by_test_id("history-toggle")).to_be_visible(timeout=30_000)
    mine.get_by_test_id("history-toggle").click()
    expect(mine.get_by_test_id("history-item")).to_have_count(1)
    post(anna, "oś liczbowa").get_by_test_id("helpful-toggle").click()
    check_screen(anna, shots, "forum-thread")

    expect(mine.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    mine.get_by_test_id("post-promote").click()
    anna.get_by_test_id("resource-title").fill("Oś liczbowa i klocki na ułamki")
    anna.get_by_test_id("resource-level").select_option("klasy_4_8")
    anna.get_by_test_id("resource-subject").fill("matematyka")
    anna.get_by_test_id("resource-tags").fill("ułamki, klocki")
    check_screen(anna, shots, "library-promote")
    anna.get_by_test_id("promote-submit").click()
    expect(anna.get_by_test_id("resource-heading")).to_have_text("Oś liczbowa i klocki na ułamki")
    expect(anna.get_by_test_id("attachment")).to_have_count(2)  # the post's files, at once (UUID v5 rows)
    expect(anna.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    expect(anna.get_by_test_id("attachment")).to_have_count(2)  # and the server made the same rows
    check_screen(anna, shots, "library-resource")

    anna.get_by_test_id("back-link").click()  # to the library
    anna.get_by_test_id("resource-new").click()
    anna.get_by_test_id("resource-kind-link").check()
    anna.get_by_test_id("resource-title").fill("Ułamki na osi — aplikacja")
    anna.get_by_test_id("resource-url").fill("https://example.org/os-liczbowa")
    check_screen(anna, shots, "library-form")
    anna.get_by_test_id("resource-save").click()
    expect(anna.get_by_test_id("resource-heading")).to_have_text("Ułamki na osi — aplikacja")
    anna.get_by_test_id("back-link").click()
    expect(anna.get_by_test_id("resource-item")).to_have_count(2)
    check_screen(anna, shots, "library-list")

    anna.goto("/#/notifications")
    expect(anna.get_by_test_id("note-item").first).to_be_visible()
    check_screen(anna, shots, "notifications")

    anna.goto("/#/search")
    anna.get_by_test_id("search-input").fill("ułamki")
    anna.get_by_test_id("search-submit").click()
    expect(anna.get_by_test_id("search-result").first).to_be_visible()
    check_screen(anna, shots, "search")
