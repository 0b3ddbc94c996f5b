"""A photo attached offline: shown at once from the phone, kept across a reload
while still offline, uploaded exactly once when the connection returns (HEAD,
then one PUT), attached by push, and seen live by another member."""
from __future__ import annotations

import hashlib
import io
import re

from PIL import Image
from playwright.sync_api import expect

from e2e.forum_steps import open_own_thread, start_thread
from e2e.helpers import post

THREAD = "Zdjęcia z lekcji w terenie"
REPLY = "Zdjęcie tablicy po stacjach (zrobione bez zasięgu)."
BLOB = re.compile(r"^blob:")  # shown from the bytes on the phone
THUMB = re.compile(r"^/api/attachments/[0-9a-f-]{36}/thumbnail$")  # the server's thumbnail


def png_bytes() -> bytes:
    image = Image.new("RGB", (640, 360), (15, 118, 110))
    for x in range(0, 640, 40):  # stripes: a picture the server must really decode
        for y in range(360):
            image.putpixel((x, y), (255, 255, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_photo_attached_offline_uploads_once_and_shows_live(new_context, sign_in, server):
    photo = png_bytes()
    sha = hashlib.sha256(photo).hexdigest()

    jan_context = new_context()
    jan = sign_in(jan_context.new_page(), "jan.kowalski@example.org")
    start_thread(jan, THREAD, "Wrzucajcie tu zdjęcia z zajęć poza klasą.")

    anna_context = new_context()
    anna = sign_in(anna_context.new_page(), "anna.nowak@example.org")
    file_requests: list[str] = []
    anna_context.on("request", lambda r: "/api/files/" in r.url and file_requests.append(r.method))
    open_own_thread(anna, THREAD)

    anna_context.set_offline(True)
    expect(anna.get_by_test_id("sync-status")).to_contain_text("W trybie offline")
    anna.get_by_test_id("reply-input").fill(REPLY)
    anna.get_by_test_id("file-input").set_input_files(files=[{"name": "tablica.png", "mimeType": "image/png", "buffer": photo}])
    expect(anna.get_by_test_id("picked-file")).to_contain_text("tablica.png")
    anna.get_by_test_id("reply-send").click()

    mine = post(anna, "Zdjęcie tablicy")
    expect(mine.get_by_test_id("attachment")).to_have_attribute("data-sha256", sha)
    expect(mine.get_by_test_id("attachment-thumb")).to_have_attribute("src", BLOB)
    expect(mine.get_by_test_id("pending-marker").first).to_be_visible()

    anna.reload()  # still offline: post, attachment row and the bytes come back from IndexedDB
    mine = post(anna, "Zdjęcie tablicy")
    expect(mine.get_by_test_id("attachment")).to_have_attribute("data-sha256", sha)
    expect(mine.get_by_test_id("attachment-thumb")).to_have_attribute("src", BLOB)
    assert file_requests == []

    anna_context.set_offline(False)  # no tap: it goes by itself
    expect(mine.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    expect(anna.get_by_test_id("sync-pending-count")).to_have_count(0)
    assert file_requests.count("PUT") == 1, file_requests
    assert file_requests.count("HEAD") >= 1, file_requests
    stored = [p for p in (server.instance / "files").rglob(sha)]
    assert len(stored) == 1, stored

    # Jan never reloaded: the poke brought the reply and its picture.
    from_anna = post(jan, "Zdjęcie tablicy")
    expect(from_anna.get_by_test_id("attachment-thumb")).to_have_attribute("src", THUMB, timeout=30_000)
    expect(from_anna.get_by_test_id("attachment-link")).to_have_text("tablica.png")
    loaded = from_anna.get_by_test_id("attachment-thumb").evaluate("img => img.decode().then(() => img.naturalWidth)")
    assert 0 < loaded <= 480


def test_file_the_server_will_not_take_lands_in_the_rejected_list(new_context, sign_in, shots):
    """A text file dressed as a PDF: 415, never pushed, explained in Polish; the post stays."""
    from e2e.helpers import check_screen

    anna = sign_in(new_context().new_page(), "anna.nowak@example.org")
    start_thread(anna, "Notatki z zebrania", "Notatki w załączniku.")
    anna.get_by_test_id("reply-input").fill("Jednak w innym pliku.")
    anna.get_by_test_id("file-input").set_input_files(
        files=[{"name": "notatki.pdf", "mimeType": "application/pdf", "buffer": b"to nie jest PDF, tylko tekst\n" * 20}]
    )
    anna.get_by_test_id("reply-send").click()
    expect(anna.get_by_test_id("rejected-banner")).to_be_visible(timeout=30_000)
    expect(post(anna, "w innym pliku").get_by_test_id("attachment")).to_have_count(0)
    expect(post(anna, "w innym pliku").get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    anna.get_by_test_id("rejected-banner").click()
    item = anna.get_by_test_id("rejected-item")
    expect(item.get_by_test_id("rejected-reason")).to_contain_text("„notatki.pdf”: Tego rodzaju pliku nie można dodać")
    expect(item).to_contain_text("Dołączenie pliku")
    check_screen(anna, shots, "files-rejected")


def test_practice_kept_offline_opens_its_files_without_a_connection(new_context, sign_in):
    """'Dostępne offline': the practice's files are saved on the phone and shown from there."""
    context = new_context()
    ewa = sign_in(context.new_page(), "ewa.wisniewska@example.org")
    ewa.get_by_test_id("my-network").filter(has_text="Sieć matematyków").click()
    ewa.get_by_test_id("library-open").click()
    ewa.get_by_test_id("resource-new").click()
    ewa.get_by_test_id("resource-title").fill("Karta pracy: ułamki na osi")
    ewa.get_by_test_id("resource-level").select_option("klasy_4_8")
    ewa.get_by_test_id("file-input").set_input_files(files=[{"name": "karta.png", "mimeType": "image/png", "buffer": png_bytes()}])
    ewa.get_by_test_id("resource-save").click()
    expect(ewa.get_by_test_id("resource-heading")).to_have_text("Karta pracy: ułamki na osi")
    expect(ewa.get_by_test_id("attachment-thumb")).to_have_attribute("src", THUMB, timeout=30_000)

    ewa.get_by_test_id("offline-keep").click()
    expect(ewa.get_by_test_id("offline-keep-input")).to_be_checked(timeout=30_000)
    context.set_offline(True)
    ewa.reload()
    expect(ewa.get_by_test_id("resource-heading")).to_have_text("Karta pracy: ułamki na osi")
    expect(ewa.get_by_test_id("attachment-thumb")).to_have_attribute("src", BLOB)
    expect(ewa.get_by_test_id("attachment-link")).to_have_attribute("href", BLOB)


def test_large_photo_goes_in_pieces(new_context, sign_in):
    """Over 512 KB: PUTs of 512 KB pieces with Content-Range (202, 202, … then 201)."""
    import random

    rng = random.Random(4)
    image = Image.frombytes("RGB", (620, 620), bytes(rng.getrandbits(8) for _ in range(620 * 620 * 3)))
    out = io.BytesIO()
    image.save(out, "PNG")
    photo = out.getvalue()
    assert 1024 * 1024 < len(photo) <= 1536 * 1024, len(photo)

    context = new_context()
    anna = sign_in(context.new_page(), "anna.nowak@example.org")
    ranges: list[str] = []
    context.on("request", lambda r: r.method == "PUT" and "/api/files/" in r.url
               and ranges.append(r.headers.get("content-range", "")))
    start_thread(anna, "Duże zdjęcia z wycieczki", "Zobaczcie makietę.")
    anna.get_by_test_id("reply-input").fill("Makieta w pełnej rozdzielczości.")
    anna.get_by_test_id("file-input").set_input_files(files=[{"name": "makieta.png", "mimeType": "image/png", "buffer": photo}])
    anna.get_by_test_id("reply-send").click()
    mine = post(anna, "Makieta w pełnej")
    expect(mine.get_by_test_id("attachment")).to_be_visible()
    expect(mine.get_by_test_id("pending-marker")).to_have_count(0, timeout=60_000)
    total = len(photo)
    assert ranges == [f"bytes {s}-{min(s + 524288, total) - 1}/{total}" for s in range(0, total, 524288)], ranges
