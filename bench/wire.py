"""Bytes on the wire: the first load of the app and a first pull of 10,000 rows, plain and
compressed, and what they would cost on a weak link (a computation from the bytes)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from werkzeug.test import TestResponse

from bench.world import World
from server.config import REPO_ROOT
from tests.apiclient import ApiClient

PLAIN, BROWSER, GZIP = "identity", "gzip, deflate, br, zstd", "gzip"  # BROWSER: what Chrome sends
CODINGS = [(PLAIN, "identity (before)"), (GZIP, "`gzip` only"), (BROWSER, "a browser's `br, gzip` (after)")]
PULL_ROWS, PULL_PAGE = 10_000, 1000  # the PWA pulls pages of 1,000, one after another
LINK_BPS, LINK_RTT = 400_000, 0.400  # a weak link: 400 kbps, 400 ms round trip
# A first visit: TCP and TLS 1.3 handshakes, the shell, then what it links (at once, over one connection).
SHELL_ROUND_TRIPS = 4


@dataclass
class Load:
    label: str
    rows: list[tuple[str, dict[str, tuple[int, int]]]]  # what, {coding: (body, headers)} in bytes
    round_trips: int | None  # of the time estimate; None: no estimate

    def total(self, coding: str, headers: bool = True) -> int:
        return sum(body + (head if headers else 0) for _, by in self.rows for body, head in [by[coding]])


def measure(world: World) -> list[Load]:
    """The first load, and Anna's first 10,000 rows of a grown world."""
    dist = REPO_ROOT / "pwa" / "dist"
    if not (dist / "index.html").is_file():
        raise SystemExit(f"the PWA is not built ({dist}): run `make install`")
    pull = first_pull(world, PULL_ROWS)
    return [*_first_load(world.app, dist), Load(f"A first pull of {PULL_ROWS:,} rows in pages of {PULL_PAGE:,} "
                                                "(`GET /api/sync/pull`)", *pull)]


def demo_pull(world: World) -> Load:
    """Anna's first pull of the demo data alone: posts as people write them, which are less
    alike than the grown world's (one sentence with a number) and so compress less."""
    return Load("A first pull of the demo data alone (varied text, as real posts are)", *first_pull(world, None))


def _first_load(app: Flask, dist: Path) -> list[Load]:
    """The shell and what it links (what the sign-in screen needs), then sw.js and the
    rest of what it precaches: each file once, as a first visit fetches it."""
    http = app.test_client()
    index = (dist / "index.html").read_text(encoding="utf-8")
    linked = re.findall(r'(?:href|src)="(/[^"]+)"', index)
    blocking = ["/"] + [u for u in linked if u.startswith("/assets/")]  # the screen waits for these
    precached = [f"/{u}" for u in re.findall(r'url:"([^"]+)"', (dist / "sw.js").read_text(encoding="utf-8"))]
    rest = [u for u in dict.fromkeys([*linked, "/sw.js", *precached]) if u not in blocking and u != "/index.html"]

    def rows(urls: list[str]) -> list[tuple[str, dict[str, tuple[int, int]]]]:
        return [(url, {coding: _sizes(http.get(url, headers={"Accept-Encoding": coding})) for coding, _ in CODINGS})
                for url in urls]

    kept = app.config["PWA_DIST"]  # the world serves a stand-in shell; the real build here
    app.config["PWA_DIST"] = str(dist)
    try:
        return [Load("The sign-in screen: the shell, its stylesheet and script", rows(blocking), SHELL_ROUND_TRIPS),
                Load("The rest of a first visit: manifest, icons, `sw.js` and what it precaches", rows(rest), None)]
    finally:
        app.config["PWA_DIST"] = kept


def first_pull(world: World, wanted: int | None) -> tuple[list[tuple[str, dict[str, tuple[int, int]]]], int]:
    """Anna pulls pages of 1,000 from nothing until ``wanted`` rows (None: all there is):
    each page's sizes in every coding, and the round trips."""
    api = ApiClient.signed_in(world.app, "anna.nowak@example.org")
    pages: list[dict[str, tuple[int, int]]] = []
    cursor, rows, more = None, 0, True
    while more and (wanted is None or rows < wanted):
        query = {"limit": PULL_PAGE} | ({"cursor": cursor} if cursor else {})
        by = {}
        for coding, _ in CODINGS:
            response = api.http.get("/api/sync/pull", query_string=query, headers={"Accept-Encoding": coding})
            assert response.status_code == 200, response.data[:300]
            by[coding] = _sizes(response)
        body = api.http.get("/api/sync/pull", query_string=query).get_json()
        cursor, rows, more = body["cursor"], rows + len(body["changes"]), body["more"]
        pages.append(by)
    return [(f"page {i + 1}", by) for i, by in enumerate(pages)], len(pages)


def _sizes(response: TestResponse) -> tuple[int, int]:
    """Body and HTTP/1.1 status line and headers as the app sends them, in bytes."""
    assert response.status_code == 200, (response.request.path, response.status)
    head = len(f"HTTP/1.1 {response.status}\r\n\r\n") + sum(len(f"{k}: {v}\r\n") for k, v in response.headers)
    return len(response.data), head


def seconds(load: Load, coding: str) -> float:
    """The estimate: round trips × RTT + bytes × 8 / bandwidth."""
    return (load.round_trips or 0) * LINK_RTT + load.total(coding) * 8 / LINK_BPS


def render(loads: list[Load]) -> list[str]:
    lines = [
        "## Bytes on the wire",
        "",
        "What a first visit and a first pull send, by the request's `Accept-Encoding`: the PWA's files are the "
        "build's brotli and gzip copies, JSON answers of 1 KB and more are compressed as they go out "
        "(`server/compression.py`). *Body* is the bytes of the answers; *with headers* adds the status line and "
        "headers as the app writes them over HTTP/1.1 (a real server adds `Date` and `Server`; TCP and TLS "
        "framing not counted). Measured through the Flask test client on the built `pwa/dist`.",
        "",
        f"*Time at {LINK_BPS // 1000} kbps, {LINK_RTT * 1000:.0f} ms RTT* is a computation from these bytes, not a "
        "measurement: round trips × RTT + bytes × 8 / bandwidth. The sign-in screen counts "
        f"{SHELL_ROUND_TRIPS} round trips (TCP and TLS 1.3 handshakes, the shell, then its stylesheet and script "
        "together); the pull one a page, since each page asks from the cursor of the one before. It leaves out "
        "TCP slow start, server time and the requests' own bytes, so a real phone is somewhat slower; the "
        "before/after ratio is what the figures are for.",
        "",
        "The 10,000 rows grown for the bench are alike (one sentence with a number each) and compress far better "
        "than people's writing: read them as the best case. The demo data's ratio is nearer what a real first "
        "pull gets.",
        "",
    ]
    for load in loads:
        lines += [f"### {load.label}", "",
                  "| | " + " | ".join(f"{name}: body / with headers" for _, name in CODINGS) + " |",
                  "|---|" + "---:|" * len(CODINGS)]
        if len(load.rows) <= 12:
            for what, by in load.rows:
                lines.append(f"| `{what}` | " + " | ".join(f"{_kb(by[c][0])} / {_kb(sum(by[c]))}" for c, _ in CODINGS)
                             + " |")
        lines.append("| **total** | " + " | ".join(f"**{_kb(load.total(c, False))} / {_kb(load.total(c))}**"
                                                   for c, _ in CODINGS) + " |")
        plain = load.total(PLAIN)
        lines.append("| sent of the identity bytes | " + " | ".join(f"{load.total(c) / plain:.0%}" for c, _ in CODINGS)
                     + " |")
        if load.round_trips:
            lines.append(f"| time at {LINK_BPS // 1000} kbps, {LINK_RTT * 1000:.0f} ms RTT (computed) | "
                         + " | ".join(f"{seconds(load, c):.1f} s" for c, _ in CODINGS) + " |")
        lines.append("")
    return lines


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f} kB"
