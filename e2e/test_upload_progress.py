"""A long upload shows it moving: under a reply's file, a bar and "Wysyłanie: 33%
— 512 kB z 1,5 MB" while its pieces go up; once the bytes are there, the file
opens like any other."""
from __future__ import annotations

import os
import time

from playwright.sync_api import expect

from e2e.helpers import check_screen, open_thread

THREAD = "Jak uczyć ułamków w klasie 4?"
PIECE = 512 * 1024  # what the uploader sends at a time


def a_pdf(size: int) -> bytes:
    """A PDF of `size` bytes no server has seen yet."""
    head, tail = b"%PDF-1.4\n%", b"\n%%EOF\n"
    return head + os.urandom(size - len(head) - len(tail)) + tail


def test_a_long_upload_shows_its_progress(new_context, sign_in, shots):
    context = new_context()
    page = sign_in(context.new_page(), "anna.nowak@example.org")
    # Each piece waits until the test lets it go.
    held, let_go = [], []

    def slow_link(route):
        if route.request.method == "PUT" and not let_go:
            held.append(route)
            return
        route.continue_()

    context.route("**/api/files/*", slow_link)

    open_thread(page, THREAD)
    page.get_by_test_id("reply-input").fill("Scenariusz lekcji w załączniku.")
    page.get_by_test_id("file-input").set_input_files(
        files=[{"name": "scenariusz.pdf", "mimeType": "application/pdf", "buffer": a_pdf(3 * PIECE)}])
    page.get_by_test_id("reply-send").click()
    progress = page.get_by_test_id("upload-progress")
    expect(progress).to_have_text("Wysyłanie — 1,5 MB", timeout=30_000)  # nothing there yet: no number
    check_screen(page, shots, "upload-starting")
    deadline = time.monotonic() + 30
    while not held:  # until the first piece is on its way (waiting lets Playwright hand it over)
        assert time.monotonic() < deadline, "no piece was sent"
        page.wait_for_timeout(50)
    held.pop(0).continue_()  # the first piece reaches the server
    expect(progress).to_have_text("Wysyłanie: 33% — 512 kB z 1,5 MB", timeout=30_000)
    check_screen(page, shots, "upload-progress")

    let_go.append(True)
    for route in held:
        route.continue_()
    expect(progress).to_have_count(0, timeout=30_000)
    expect(page.get_by_test_id("attachment-link").filter(has_text="scenariusz.pdf")).to_be_visible()
    expect(page.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
