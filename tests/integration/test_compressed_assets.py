"""The PWA's files as the build wrote them, sent compressed by Accept-Encoding.

The real build's output (pwa/dist, which `make install` builds) is copied aside,
so a build running meanwhile cannot change it under the test.
"""
from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import brotli
import pytest

from server.app import create_app
from server.config import REPO_ROOT

DECODE = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda data: data}
BUILT = REPO_ROOT / "pwa" / "dist"


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    assert (BUILT / "index.html").is_file(), "the PWA is not built: run `make install`"
    copy = tmp_path_factory.mktemp("compressed") / "dist"
    shutil.copytree(BUILT, copy)
    return copy


def client(dist: Path, database_url: str, files: Path):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret",
                      "PWA_DIST": str(dist), "FILES_DIR": str(files)})
    return app.test_client()


@pytest.fixture(scope="module")
def http(dist, sqlite_url, tmp_path_factory):
    return client(dist, sqlite_url, tmp_path_factory.mktemp("files"))


SMALL = 1024  # bytes: below this a copy may not come out smaller, and the build then writes none


def all_texts(dist: Path) -> list[str]:
    """What the shell needs and the service worker precaches, as text."""
    assets = sorted(f"assets/{p.name}" for p in (dist / "assets").iterdir() if p.suffix in (".js", ".css"))
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets), assets
    return ["index.html", "sw.js", "manifest.webmanifest", *assets]


def texts(dist: Path) -> list[str]:
    """Those worth compressing: every one the build must have written copies of."""
    return [name for name in all_texts(dist) if (dist / name).stat().st_size >= SMALL]


def test_a_file_too_small_for_a_copy_is_sent_as_it_is(http, dist):
    """esbuild writes a few empty or tiny chunks (shared by lazily loaded screens); with no
    copy beside them they go plain, whatever is asked."""
    for name in all_texts(dist):
        if (dist / name).with_name(Path(name).name + ".br").exists():
            continue
        response = http.get(f"/{name}", headers={"Accept-Encoding": "br, gzip"})
        assert response.status_code == 200 and "Content-Encoding" not in response.headers, name
        assert response.data == (dist / name).read_bytes(), name


def test_the_build_writes_copies_that_decode_to_the_file(dist):
    for name in texts(dist):
        plain = (dist / name).read_bytes()
        for coding, suffix in (("br", ".br"), ("gzip", ".gz")):
            copy = (dist / (name + suffix)).read_bytes()
            assert DECODE[coding](copy) == plain, name + suffix
        if len(plain) > 10_000:
            assert len((dist / (name + ".br")).read_bytes()) < len(plain) / 3, name  # text: far smaller


@pytest.mark.parametrize(
    ("header", "coding"),
    [("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip"), ("gzip;q=0", None),
     ("identity", None), (None, None)],
)
def test_each_file_in_the_coding_asked_for(http, dist, header, coding):
    for name in texts(dist):
        response = http.get(f"/{name}", headers={"Accept-Encoding": header} if header else {})
        assert response.status_code == 200, name
        assert response.headers.get("Content-Encoding") == coding, name
        assert "Accept-Encoding" in response.vary, name
        assert int(response.headers["Content-Length"]) == len(response.data), name
        assert DECODE[coding](response.data) == (dist / name).read_bytes(), name
        assert response.headers.get("Content-Disposition") in (None, f"inline; filename={Path(name).name}")


def test_type_and_caching_as_before(http, dist):
    for name in texts(dist):
        plain, packed = http.get(f"/{name}"), http.get(f"/{name}", headers={"Accept-Encoding": "br"})
        assert packed.headers["Content-Type"] == plain.headers["Content-Type"], name
        assert packed.headers["Cache-Control"] == plain.headers["Cache-Control"], name
        if name.startswith("assets/"):
            assert "max-age=31536000" in packed.headers["Cache-Control"], name
        elif name in ("index.html", "sw.js"):  # the shell and the service worker must stay fresh
            assert packed.headers["Cache-Control"] == "no-cache", name
    shell = http.get("/sieci/cokolwiek", headers={"Accept-Encoding": "br"})  # the shell's fallback, compressed too
    assert shell.headers["Content-Encoding"] == "br" and shell.headers["Cache-Control"] == "no-cache"
    assert brotli.decompress(shell.data) == (dist / "index.html").read_bytes()


def test_each_coding_has_its_own_etag_and_304(http, dist):
    name = texts(dist)[-1]
    tags = {}
    for coding in ("br", "gzip", "identity"):
        first = http.get(f"/{name}", headers={"Accept-Encoding": coding})
        tags[coding] = first.headers["ETag"]
        again = http.get(f"/{name}", headers={"Accept-Encoding": coding, "If-None-Match": tags[coding]})
        assert again.status_code == 304 and again.data == b"", coding
        assert "Accept-Encoding" in again.vary
    assert len(set(tags.values())) == 3, tags
    # A validator of the brotli copy does not stand for the gzip one.
    other = http.get(f"/{name}", headers={"Accept-Encoding": "gzip", "If-None-Match": tags["br"]})
    assert other.status_code == 200 and other.headers["Content-Encoding"] == "gzip"


def test_head_says_what_get_would_send(http, dist):
    for coding in ("br", "gzip", None):
        headers = {"Accept-Encoding": coding} if coding else {}
        got, head = http.get("/sw.js", headers=headers), http.head("/sw.js", headers=headers)
        assert head.status_code == 200 and head.data == b""
        for key in ("Content-Encoding", "Content-Length", "ETag", "Vary", "Cache-Control"):
            assert head.headers.get(key) == got.headers.get(key), (coding, key)


def test_a_range_gets_the_plain_bytes(http, dist):
    name = texts(dist)[-1]
    part = http.get(f"/{name}", headers={"Accept-Encoding": "br, gzip", "Range": "bytes=10-19"})
    assert part.status_code == 206 and "Content-Encoding" not in part.headers
    assert part.data == (dist / name).read_bytes()[10:20]


def test_a_copy_is_not_a_file_of_its_own(http, dist):
    response = http.get(f"/{texts(dist)[-1]}.br")
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/html")  # the shell
    assert "Content-Encoding" not in response.headers


def test_a_stale_copy_is_not_sent(dist, sqlite_url, tmp_path):
    """index.html edited after the build: its copies no longer tell the truth."""
    mine = tmp_path / "dist"
    mine.mkdir()
    for name in ("index.html", "index.html.br", "index.html.gz"):
        shutil.copy2(dist / name, mine / name)  # copy2: the build's times
    shell = mine / "index.html"
    shell.write_bytes(shell.read_bytes().replace(b"</head>", b"<!-- edited --></head>"))
    built = (mine / "index.html.br").stat().st_mtime
    os.utime(shell, (built + 60, built + 60))  # a minute after the build, whenever the build ran
    response = client(mine, sqlite_url, tmp_path / "files").get("/", headers={"Accept-Encoding": "br, gzip"})
    assert "Content-Encoding" not in response.headers and b"edited" in response.data


def test_copies_copied_without_their_times_still_count(dist, sqlite_url, tmp_path):
    """A deploy by `cp -r` stamps each file as it lands: a copy may be a moment older than its file."""
    mine = tmp_path / "dist"
    mine.mkdir()
    for name in ("index.html.br", "index.html.gz", "index.html"):
        shutil.copyfile(dist / name, mine / name)
    now = (mine / "index.html").stat().st_mtime
    for name in ("index.html.br", "index.html.gz"):
        os.utime(mine / name, (now - 0.5, now - 0.5))
    response = client(mine, sqlite_url, tmp_path / "files").get("/", headers={"Accept-Encoding": "br"})
    assert response.headers["Content-Encoding"] == "br"
