"""JSON answers compressed when the client accepts it and they are worth it; nothing twice."""
from __future__ import annotations

import gzip
import json

import brotli
import pytest

from server.compression import JSON_MIN_BYTES
from tests.integration.files_helpers import attach, jpeg, pdf
from tests.integration.forum_helpers import MATH, a_thread_in, network_id, new_thread, reply

ANNA = "anna.nowak@example.org"
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda data: data}
BROWSER = "gzip, deflate, br, zstd"  # what Chrome sends


def _get(client, path: str, accept: str | None, **query):
    return client.http.get(path, query_string=query, headers={"Accept-Encoding": accept} if accept else {})


@pytest.mark.parametrize(("accept", "coding"), [(BROWSER, "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip"),
                                                 ("gzip;q=0", None), (None, None)])
def test_a_first_pull_comes_compressed_and_decodes_to_the_same_bytes(app, demo, as_user, accept, coding):
    anna = as_user(ANNA)
    plain = _get(anna, "/api/sync/pull", None, limit=1000)
    assert len(plain.data) > 10 * JSON_MIN_BYTES  # the demo's first pull is worth compressing
    got = _get(anna, "/api/sync/pull", accept, limit=1000)
    assert got.status_code == 200 and got.headers.get("Content-Encoding") == coding
    assert "Accept-Encoding" in got.vary and "Accept-Encoding" in plain.vary
    assert int(got.headers["Content-Length"]) == len(got.data)
    assert DECODE[coding](got.data) == plain.data
    if coding:
        assert len(got.data) < len(plain.data) / 3


def test_search_and_thread_pages_too(app, demo, as_user):
    anna, thread = as_user(ANNA), a_thread_in(MATH)
    anna.push(*(reply(thread, f"Żółw błotny, odcinek {i}: " + "obserwujemy go z klasą na przyrodzie. " * 4)
                for i in range(12)))
    for path, query in ((f"/api/threads/{thread}/posts", {}), ("/api/search", {"q": "żółw"})):
        plain, packed = _get(anna, path, None, **query), _get(anna, path, BROWSER, **query)
        assert plain.status_code == 200 and len(plain.data) > JSON_MIN_BYTES, (path, plain.data)
        assert packed.headers.get("Content-Encoding") == "br" and "Accept-Encoding" in packed.vary, path
        assert brotli.decompress(packed.data) == plain.data, path


def test_small_answers_go_as_they_are(app, demo, as_user):
    anna = as_user(ANNA)
    for response in (_get(anna, "/healthz", BROWSER), _get(anna, "/api/nothing-here", BROWSER),
                     _get(anna, "/api/sync/pull", BROWSER, limit=0)):
        assert len(response.data) < JSON_MIN_BYTES
        assert "Content-Encoding" not in response.headers, response.data
        assert "Accept-Encoding" in response.vary  # a larger answer at the same address would vary
        assert response.get_json() is not None


def test_files_are_sent_as_they_are(app, demo, as_user):
    """An attachment is bytes to keep whole: never encoded again, and Range still means its bytes."""
    anna = as_user(ANNA)
    name, args = new_thread(network_id(MATH))
    anna.push((name, args))
    for data, file_name in ((jpeg(), "zdjęcie.jpg"), (pdf() * 200, "scenariusz.pdf")):
        attachment_id, result = attach(anna, data, file_name, post_id=args["post_id"])
        assert result["status"] == "applied"
        download = _get(anna, f"/api/attachments/{attachment_id}", BROWSER)
        assert download.status_code == 200 and download.data == data
        assert "Content-Encoding" not in download.headers
        part = anna.http.get(f"/api/attachments/{attachment_id}", headers={"Accept-Encoding": BROWSER,
                                                                           "Range": "bytes=0-99"})
        assert part.status_code == 206 and part.data == data[:100] and "Content-Encoding" not in part.headers


def test_the_live_channel_still_answers_polling(app, demo, as_user):
    """engine.io's polling answers pass Flask's hooks by: they are not JSON to compress here."""
    anna = as_user(ANNA)
    opened = anna.http.get("/socket.io/", query_string={"EIO": "4", "transport": "polling"},
                           headers={"Accept-Encoding": BROWSER})
    assert opened.status_code == 200
    raw = DECODE[opened.headers.get("Content-Encoding")](opened.data)  # engine.io may gzip on its own, once
    assert raw.startswith(b"0{") and "sid" in json.loads(raw[1:])
