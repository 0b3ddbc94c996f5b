"""Time to interactive on a village link: Chromium emulating 400 kbps down and up, a 400 ms round
trip (CDP Network.emulateNetworkConditions) and a 4× slower CPU (CDP Emulation.setCPUThrottlingRate),
against a real `krag run` server with the demo data and the built PWA (pwa/dist).

- the sign-in screen usable: its e-mail field and button enabled, the page's load event fired and
  every script requested until then loaded; on a first visit (a fresh browser profile) and on a
  repeat visit (a new tab of that profile, the service worker in control);
- a signed-in teacher's forum (Anna's mathematicians' network, its thread list on screen), from a
  fresh profile holding only her session cookie (the app and its data not yet on the phone: the
  first pull is part of it), and again in a new tab once the service worker controls the page and
  her data is in IndexedDB.

Times are the page's own clock (performance.now(), from the navigation's start). Bytes are what the
page's requests took over the network (CDP encodedDataLength, headers included), and how many
responses the service worker answered. The conditions apply to the page's requests; the service
worker's own fetches (its precache, after the load event) are not slowed, which changes none of
the figures measured here (they all end before or without it).

    python -m bench.interactive [--quick] [--runs N]     rewrites its section of docs/benchmarks.md
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.report import duration, splice
from e2e.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, wait_until_controlled
from tests.processes import ROOT, Person, a_math_thread

DOC = ROOT / "docs" / "benchmarks.md"
HEAD = "## Time to interactive on a village link"
LINK = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
THROTTLE = 4  # CPU slowdown: a mid-range phone next to one core of this machine
TARGETS = {"first visit": 4.0, "repeat visit": 1.0}  # seconds
TEACHER = "anna.nowak@example.org"

# Runs in the page before its own scripts (CDP, so the app's CSP does not apply): notes the moment
# each screen is there. Read back with page.evaluate (a function, not a string: CSP).
MARKS = """(() => {
  const marks = (window.__kragTti = {});
  const check = () => {
    const email = document.querySelector('[data-testid="signin-email"]');
    const send = document.querySelector('[data-testid="signin-send"]');
    if (!marks.signin && email && !email.disabled && !email.readOnly && send && !send.disabled)
      marks.signin = performance.now();
    if (!marks.forum && document.querySelector('[data-testid="thread-item"]')) marks.forum = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  addEventListener('load', () => { marks.load = performance.now(); });
})();"""
READ = """() => ({ ...window.__kragTti,
  scripts: performance.getEntriesByType('resource')
    .filter((e) => e.initiatorType === 'script' || /\\.m?js(\\?|$)/.test(e.name)).map((e) => [e.startTime, e.responseEnd]) })"""


@dataclass
class Visit:
    seconds: float
    screen: float  # when the screen was there (seconds), of which `seconds` is the latest
    load: float  # when the load event fired
    network_bytes: int
    requests: int
    from_worker: int


@dataclass
class Figure:
    screen: str  # "the sign-in screen usable", "a teacher's forum rendered"
    visit: str  # "first visit", "repeat visit"
    runs: list[Visit] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(v.seconds for v in self.runs)

    @property
    def slowest(self) -> float:
        return max(v.seconds for v in self.runs)

    @property
    def bytes(self) -> int:
        return int(statistics.median(v.network_bytes for v in self.runs))

    @property
    def met(self) -> bool:
        return self.median <= TARGETS[self.visit]


class Wire:
    """The page's requests as CDP reports them: bytes over the network, answers from the worker,
    and which scripts are still on their way."""

    def __init__(self, cdp):
        self.bytes = 0
        self.requests = 0
        self.from_worker = 0
        self.scripts: set[str] = set()
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._received)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)

    def _sent(self, event: dict) -> None:
        if event.get("type") == "Script":
            self.scripts.add(event["requestId"])

    def _received(self, event: dict) -> None:
        self.requests += 1
        if event["response"].get("fromServiceWorker"):
            self.from_worker += 1

    def _finished(self, event: dict) -> None:
        self.bytes += int(event.get("encodedDataLength", 0))
        self.scripts.discard(event["requestId"])

    def _failed(self, event: dict) -> None:
        self.scripts.discard(event["requestId"])


def _phone(browser, url: str):
    """A fresh browser profile as a 360 px phone, in Polish, noting when the screens are there."""
    context = browser.new_context(viewport=PHONE, locale="pl-PL", base_url=url)
    context.set_default_timeout(120_000)
    context.add_init_script(MARKS)
    return context


def _slow_tab(context):
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", LINK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    return page, Wire(cdp)


def _visit(context, path: str, mark: str, timeout: float = 120) -> tuple[Visit, object]:
    """One tab on the slow link and CPU: open ``path``, wait until ``mark`` is noted, the load
    event fired and no script is on its way; the latest of them is the time to interactive."""
    page, wire = _slow_tab(context)
    page.goto(path, wait_until="commit")
    deadline = time.monotonic() + timeout
    while True:
        got = page.evaluate(READ)
        if got.get(mark) is not None and got.get("load") is not None and not wire.scripts:
            break
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path}: not interactive within {timeout:.0f} s ({got}, scripts {len(wire.scripts)})")
        page.wait_for_timeout(50)  # the page's own clock times it; this only polls
    there = max(got[mark], got["load"])  # and the scripts asked for by then (not those fetched later, lazily)
    ready = max([there, *(end for start, end in got["scripts"] if start <= there)])
    return Visit(ready / 1000, got[mark] / 1000, got["load"] / 1000, wire.bytes, wire.requests, wire.from_worker), page


def measure(runs: int) -> tuple[list[Figure], str]:
    """The figures, and the browser's version."""
    from playwright.sync_api import expect, sync_playwright

    from e2e.conftest import KragServer

    figures = {(s, v): Figure(s, v) for s in ("the sign-in screen usable", "a teacher's forum rendered")
               for v in TARGETS}
    with tempfile.TemporaryDirectory(prefix="krag-bench-tti-") as tmp:
        server = KragServer(Path(tmp))
        server.start()
        try:
            math, _thread = a_math_thread(Person(server, TEACHER))
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                version = browser.version
                for i in range(runs):
                    print(f"(time to interactive: run {i + 1} of {runs})", flush=True)
                    # The sign-in screen: a phone that has never opened Krąg, then a new tab of it.
                    context = _phone(browser, server.url)
                    first, page = _visit(context, "/", "signin")
                    wait_until_controlled(page)
                    page.close()
                    repeat, page = _visit(context, "/", "signin")
                    figures[("the sign-in screen usable", "first visit")].runs.append(first)
                    figures[("the sign-in screen usable", "repeat visit")].runs.append(repeat)
                    context.close()

                    # Her forum: signed in (her session cookie) on a phone holding neither the app nor her data.
                    context = _phone(browser, server.url)
                    context.add_cookies([{"name": name, "value": value, "url": server.url}
                                         for name, value in Person(server, TEACHER).http.cookies.items()])
                    first, page = _visit(context, f"/#/n/{math}", "forum")
                    wait_until_controlled(page)
                    expect(page.get_by_test_id("sync-last")).to_contain_text("Ostatnia synchronizacja")
                    page.close()
                    repeat, page = _visit(context, f"/#/n/{math}", "forum")
                    figures[("a teacher's forum rendered", "first visit")].runs.append(first)
                    figures[("a teacher's forum rendered", "repeat visit")].runs.append(repeat)
                    context.close()
                browser.close()
        finally:
            server.stop()
    return list(figures.values()), version


def _kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def render(figures: list[Figure], note: str = "") -> list[str]:
    lines = [
        HEAD,
        "",
        "The PWA in Chromium on a phone-sized screen (360 px) emulating a village link — 400 kbps down and up, "
        "400 ms round trip (CDP `Network.emulateNetworkConditions`) — and a CPU 4× slower than this machine's "
        "(`Emulation.setCPUThrottlingRate`), against `krag run` with the demo data, serving the built `pwa/dist` "
        "as it ships (compressed). *Sign-in screen usable*: its e-mail field and button enabled, the load event "
        "fired and every script asked for until then loaded; a first visit is a fresh browser profile, a repeat "
        "visit a new tab of it with the service worker in control. *A teacher's forum rendered*: Anna's network's "
        "thread list on screen, first from a fresh profile that holds only her session cookie (so the app and her "
        "first pull come over the link), then in a new tab with the service worker in control and her data in "
        "IndexedDB. Time is the page's clock from the navigation's start (`performance.now()`); bytes are what the "
        "page's requests took over the network, headers included (CDP `encodedDataLength`, median of the runs). "
        "The service worker's own fetches (its precache, after the load event) are not slowed by the emulation. "
        f"Targets: ≤ {TARGETS['first visit']:.0f} s on a first visit, ≤ {TARGETS['repeat visit']:.0f} s on a "
        "repeat visit (`python -m bench.interactive`).",
        "",
        "| screen | visit | runs | median | slowest | screen there / load event (medians) | over the network "
        "| its transfer alone at 400 kbps | answered by the service worker | target | verdict |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for f in figures:
        worker = statistics.median(v.from_worker for v in f.runs)
        requests = statistics.median(v.requests for v in f.runs)
        lines.append(f"| {f.screen} | {f.visit} | {len(f.runs)} | {duration(f.median)} | {duration(f.slowest)} "
                     f"| {duration(statistics.median(v.screen for v in f.runs))} / "
                     f"{duration(statistics.median(v.load for v in f.runs))} | {_kb(f.bytes)} "
                     f"| {duration(f.bytes / LINK['downloadThroughput']) if f.bytes else '–'} | {worker:.0f} of {requests:.0f} responses | ≤ {duration(TARGETS[f.visit])} "
                     f"| {'met' if f.met else 'MISSED'} |")
    missed = [f"{f.screen}, {f.visit} ({duration(f.median)})" for f in figures if not f.met]
    lines += ["", "**Targets in this run:** " + ("all met." if not missed else "missed for " + "; ".join(missed) + "."),
              "", "How to read it: on a first visit the bytes alone take the time in the transfer column, and every "
              "round trip on the way (the page, then its scripts and stylesheets, then `/api/me` and the pull for the "
              "forum) adds 400 ms before the slowed CPU parses and runs anything; what is left of the 4 s is the "
              "script's. The first visit's requests (the count in the service-worker column: the page, the "
              "stylesheets and scripts it links, their chunks, the manifest and icons, and for the forum her first "
              "pull) go over HTTP/1.1 to `krag run`, where Chromium opens at most 6 connections to one host: each "
              "wave of them waits a round trip of its own, which a proxy speaking HTTP/2 in front of the server "
              "would fold into one connection. A repeat visit takes almost nothing over the network (the service worker answers from its "
              "cache): its time is the slowed CPU parsing and running the app and, for the forum, reading her data "
              "from IndexedDB — the figure most stretched by other work on the machine."]
    return lines + ([""] + [note] if note else []) + [""]


def _load() -> str:
    return ", ".join(f"{n:.2f}" for n in os.getloadavg()) + f" on {os.cpu_count()} cores"


def run(runs: int) -> tuple[list[Figure], str]:
    """The figures and a note on the machine's load before and after (other work shares it)."""
    if not (ROOT / "pwa" / "dist" / "index.html").is_file():
        raise SystemExit("the PWA is not built (pwa/dist): run `make install`")
    from bench.machine import describe

    before, started = _load(), time.perf_counter()
    figures, version = measure(runs)
    facts = dict(describe())
    note = (f"Machine: {facts['CPU']}, {facts['cores']} cores, {facts['RAM']} RAM, {facts['OS']}; Chromium {version}; "
            f"{facts['date']}. Measured in {time.perf_counter() - started:.0f} s; load average before: {before}, "
            f"after: {_load()}. A CPU slowed 4× is slowed further by whatever else runs on the machine.")
    for f in figures:
        print(f"{f.screen}, {f.visit}: median {duration(f.median)}, slowest {duration(f.slowest)}, "
              f"{_kb(f.bytes)} {'met' if f.met else 'MISSED'}", flush=True)
    return figures, note


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.interactive", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one run of each; writes no page")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=DOC, help="the page to write the section into")
    parser.add_argument("--note", default="", help="said after the machine's load (e.g. what else ran meanwhile)")
    args = parser.parse_args(argv)
    figures, note = run(1 if args.quick else args.runs)
    if args.note:
        note += " " + args.note
    section = render(figures, note)
    print("\n".join(section))
    if not args.quick:
        args.output.write_text(splice(args.output.read_text(encoding="utf-8"), HEAD, section), encoding="utf-8")
        print(f"wrote the time to interactive into {args.output}")


if __name__ == "__main__":
    main()
