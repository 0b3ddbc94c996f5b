""""Czeka na wysłanie" counts what she wrote: offline, one reply and one thread
with a photo are 2 (not the 3 operations they take: a reply, a thread with its
first post, the photo's upload); reading marks are not counted at all."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.helpers import check_screen, open_thread, reply
from e2e.test_attachments_offline import png_bytes

SEED_THREAD = "Jak uczyć ułamków w klasie 4?"


def test_waiting_counts_what_she_wrote(new_context, sign_in, shots):
    context = new_context()
    page = sign_in(context.new_page(), "anna.nowak@example.org")
    waiting = page.get_by_test_id("sync-pending-count")

    context.set_offline(True)
    open_thread(page, SEED_THREAD)  # opening it writes a reading mark: nothing she wrote
    reply(page, "Spróbuję z pizzą z papieru w piątek.")
    expect(waiting).to_have_text("Czeka na wysłanie: 1")

    page.get_by_test_id("back-link").click()
    page.get_by_test_id("new-thread-open").click()
    page.get_by_test_id("new-thread-title").fill("Ułamki na tablicy — zdjęcie")
    page.get_by_test_id("new-thread-body").fill("Tak to wyszło z 4b.")
    page.get_by_test_id("file-input").set_input_files(
        files=[{"name": "tablica.png", "mimeType": "image/png", "buffer": png_bytes()}])
    page.get_by_test_id("new-thread-submit").click()
    expect(page.get_by_test_id("thread-heading")).to_have_text("Ułamki na tablicy — zdjęcie")
    expect(waiting).to_have_text("Czeka na wysłanie: 2")
    check_screen(page, shots, "pending-two-writings")

    context.set_offline(False)
    expect(waiting).to_have_count(0, timeout=30_000)
    expect(page.get_by_test_id("attachment")).to_have_count(1)
