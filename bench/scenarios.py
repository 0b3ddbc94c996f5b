"""What is measured: push, a first pull to an empty device, and an incremental pull."""
from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any, Callable

import brotli
from flask import jsonify

from bench.profiling import Profile
from bench.stats import Sample, measure
from bench.wire import BROWSER
from bench.world import BATCH, World, post_creates, post_updates, wait_for_background
from server.extensions import db
from server.search import indexer
from server.syncing.engine import engine
from sync.pull import encode as encode_pull
from tests.apiclient import ApiClient

PUSH, FIRST_PULL, INCREMENTAL = (
    "Push of 1,000 queued `post.create` from one device",
    "First pull of 10,000 rows to an empty device",
    "Incremental pull of 10 changes",
)
FULL_PULL_ROWS = 10_000
PWA_PAGE = 1000  # the PWA's pull limit
MAX_PAGE = 5000  # the largest limit the route accepts
INCREMENTAL_CHANGES = 10
PUSH_BUDGET = 4.0  # seconds of timed pushes, after which a slow push gets no more than 5 runs
NO_GROWTH = 1.5  # "does not grow": with the big database within 1.5x of the figure with the small one


@dataclass
class Result:
    section: str
    key: str  # the same measurement on another backend has the same key
    label: str
    target: str  # as written in the report
    sample: Sample
    limit: float | None = None  # seconds; None when the verdict is relative
    verdict: str = ""
    run: Callable[[Any], Any] | None = None  # one more run, for the profiler
    prepare: Callable[[int], Any] | None = None
    profile: Profile | None = None

    def judge(self) -> "Result":
        if self.limit is not None:
            self.verdict = "met" if self.sample.median <= self.limit else "MISSED"
        return self

    @property
    def missed(self) -> bool:
        return self.verdict.startswith("MISSED")


def settle() -> None:
    """Let the work that follows a push (search indexing, mail) finish, untimed: it runs
    after the commit in background threads, and would otherwise compete with the next
    timed push for the one GIL and SQLite's write lock."""
    wait_for_background()
    indexer.catch_up(db.session)


def push(world: World, reps: int, key: str = "push") -> list[Result]:
    """1,000 queued `post.create` from one device, a new device each run, spread over the demo threads."""

    def prepare(_i: int) -> tuple[str, list[dict]]:
        settle()
        return str(uuid.uuid4()), post_creates(world.demo_threads, BATCH)

    def run(arg: tuple[str, list[dict]]) -> None:
        world.push(world.anna, *arg)

    before = world.post_count()
    sample = measure(run, reps, prepare=prepare, budget=PUSH_BUDGET)
    label = f"`engine.push` ({_posts(before, world.post_count())})"
    return [Result(PUSH, key, label, "≤ 100 ms", sample, 0.100, run=run, prepare=prepare).judge()]


def push_http(world: World, reps: int) -> list[Result]:
    """The same push through `POST /api/sync/push`: request validation and the JSON answer too."""
    api = ApiClient.signed_in(world.app, "anna.nowak@example.org")

    def prepare(_i: int) -> list[dict]:
        settle()
        return post_creates(world.demo_threads, BATCH)

    def run(mutations: list[dict]) -> None:
        api.client_id = str(uuid.uuid4())
        response = api.post_json("/api/sync/push", {"client_id": api.client_id, "mutations": mutations})
        assert response.status_code == 200, response.data[:300]

    before = world.post_count()
    sample = measure(run, reps, prepare=prepare, budget=PUSH_BUDGET)
    label = f"`POST /api/sync/push` through the Flask test client ({_posts(before, world.post_count())})"
    return [Result(PUSH, "push_http", label, "≤ 100 ms", sample, 0.100, run=run, prepare=prepare).judge()]


def full_pull(world: World, reps: int) -> list[Result]:
    """The first 10,000 rows Anna may see, to a device with nothing: in one call, and in pages."""

    def engine_only(_arg: Any) -> None:
        body = engine.pull(db.session, world.anna, None, FULL_PULL_ROWS)
        assert len(body["changes"]) == FULL_PULL_ROWS, len(body["changes"])

    def engine_json(_arg: Any) -> None:
        encode_pull(engine.pull(db.session, world.anna, None, FULL_PULL_ROWS, raw=True))

    def engine_json_paged(_arg: Any) -> None:
        cursor, rows = None, 0
        while rows < FULL_PULL_ROWS:
            body = engine.pull(db.session, world.anna, cursor, PWA_PAGE, raw=True)
            encode_pull(body)
            cursor, rows = body["cursor"], rows + len(body["changes"])

    api = ApiClient.signed_in(world.app, "anna.nowak@example.org")

    def http_paged(page: int, accept: str | None = None) -> Callable[[Any], float]:
        headers = {"Accept-Encoding": accept} if accept else {}

        def run(_arg: Any) -> float:
            cursor, rows, spent = None, 0, 0.0
            while rows < FULL_PULL_ROWS:
                query = {"limit": page} | ({"cursor": cursor} if cursor else {})
                start = time.perf_counter()
                response = api.http.get("/api/sync/pull", query_string=query, headers=headers)
                spent += time.perf_counter() - start
                body = json.loads(_decoded(response))  # the device's work: not timed
                cursor, rows = body["cursor"], rows + len(body["changes"])
            return spent

        return run

    posts = f"{world.post_count():,} posts in the database"
    cases = [
        ("pull_engine", f"`engine.pull(limit=10000)`, without JSON ({posts})", engine_only),
        ("pull_json", "`engine.pull(limit=10000)` + `encode`: one call", engine_json),
        ("pull_json_paged", "`engine.pull(limit=1000)` + `encode`: 10 pages, as the PWA pulls", engine_json_paged),
        ("pull_http_1000", "`GET /api/sync/pull` through the Flask test client: 10 pages of 1,000", http_paged(PWA_PAGE)),
        ("pull_http_5000", "`GET /api/sync/pull` through the Flask test client: 2 pages of 5,000 (the route's maximum)",
         http_paged(MAX_PAGE)),
        ("pull_http_1000_br", "`GET /api/sync/pull` through the Flask test client: 10 pages of 1,000, compressed "
         "(a browser's `Accept-Encoding`: brotli)", http_paged(PWA_PAGE, BROWSER)),
    ]
    return [Result(FIRST_PULL, key, label, "≤ 0.5 s", measure(run, reps), 0.5, run=run).judge()
            for key, label, run in cases]


def incremental_pull(world: World, reps: int, size: str, baseline: dict[str, tuple[Result, str]]) -> list[Result]:
    """Jan edits 5 of his posts (10 changes, untimed); Anna pulls from her cursor: engine + JSON, and the route."""
    api = ApiClient.signed_in(world.app, "anna.nowak@example.org")
    state = {"cursor": _head(world), "round": 0}

    def prepare(_i: int) -> str:
        state["round"] += 1
        # An edit is two changes: the post and the revision that keeps the old text.
        world.push_as_jan(post_updates(world.jan_posts[:INCREMENTAL_CHANGES // 2], f"poprawka {state['round']}"))
        return state["cursor"]

    def engine_json(since: str) -> None:
        body = engine.pull(db.session, world.anna, since, PWA_PAGE)
        jsonify(body).get_data()
        _check(body, state)

    def http(since: str) -> float:
        start = time.perf_counter()
        response = api.pull(since, PWA_PAGE)
        spent = time.perf_counter() - start
        assert response.status_code == 200, response.data[:300]
        _check(json.loads(response.data), state)  # the device's work: not timed
        return spent

    posts = f"{world.post_count():,} posts in the database"
    results = []
    for key, how, run in (("incremental_json", "`engine.pull` + `jsonify`", engine_json),
                          ("incremental_http", "`GET /api/sync/pull` through the Flask test client", http)):
        result = Result(INCREMENTAL, f"{key}_{size}", f"{how}, {posts}", "", measure(run, reps, prepare=prepare),
                        run=run, prepare=prepare)
        first, first_posts = baseline.setdefault(key, (result, posts))
        if first is result:
            result.target = "the baseline"
        else:
            ratio = result.sample.median / first.sample.median
            result.target = f"no growth: ≤ {NO_GROWTH}× the figure with {first_posts.split()[0]} posts"
            result.verdict = f"{'met' if ratio <= NO_GROWTH else 'MISSED'} ({ratio:.2f}×)"
        results.append(result)
    return results


def _decoded(response) -> bytes:
    coding = response.headers.get("Content-Encoding")
    return brotli.decompress(response.data) if coding == "br" else response.data


def _posts(before: int, after: int) -> str:
    return f"{before:,} → {after:,} posts in the database"


def _head(world: World) -> str:
    """Anna's cursor after pulling everything there is."""
    cursor, more = None, True
    while more:
        body = engine.pull(db.session, world.anna, cursor, MAX_PAGE)
        cursor, more = body["cursor"], body["more"]
    return cursor


def _check(body: dict, state: dict) -> None:
    assert len(body["changes"]) == INCREMENTAL_CHANGES and not body["more"], (len(body["changes"]), body["more"])
    state["cursor"] = body["cursor"]
