"""Many members of one network across two processes (`python -m bench.multi_process`).

Two production servers (README's gunicorn recipe, gevent) on a fresh PostgreSQL database and the
local Redis, as tests/integration/test_scale_out.py runs them. N members of "Sieć matematyków"
have the app open (python-socketio clients, tests/load.py), alternately on each process; some of
them post replies at a person's pace, all at once; each member pulls on every poke from her own
cursor. Counted: every reply reaching every member exactly once; timed: push → poke and push →
the reply in her pull; CPU and memory of each process. The section "Many members across two
processes" of docs/benchmarks.md is rewritten (not with --quick).
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from bench.channels import _cpu, _rss
from bench.report import duration, size, splice
from server import migrate
from tests.databases import REDIS_URL, fresh_postgres, require_redis
from tests.integration.forum_helpers import MATH
from tests.load import Outcome, add_members, run
from tests.processes import Person, ServerProcess, a_math_thread, krag, krag_env

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEAD = "## Many members across two processes"
LEVELS = ((30, 6), (100, 10), (300, 20))  # (members with the app open, of them posting)
QUICK = ((30, 6),)
POSTS_EACH, PAUSE = 5, 0.5  # replies per poster, seconds between two of hers


@dataclass
class Level:
    members: int
    posters: int
    outcome: Outcome
    cpu: list[float]  # CPU seconds of each process during the level
    rss: list[int | None]


@contextmanager
def two_servers() -> Iterator[tuple[ServerProcess, ServerProcess]]:
    require_redis()
    with tempfile.TemporaryDirectory(prefix="krag-bench-multi-") as folder, fresh_postgres() as url:
        tmp = Path(folder)
        dist = tmp / "dist"
        dist.mkdir()
        (dist / "index.html").write_text("<!doctype html><title>Krąg</title>")
        migrate.upgrade(url)
        servers = []
        for name in ("A", "B"):
            (tmp / name).mkdir()
            env = krag_env(DATABASE_URL=url, REDIS_URL=REDIS_URL, SECRET_KEY="bench-multi", INSTANCE_PATH=str(tmp / name),
                           PWA_DIST=str(dist), RATE_PUSHES="100000 per minute", RATE_LINKS_FROM_ADDRESS="100000 per minute")
            servers.append(ServerProcess(name, env, tmp, gunicorn=True))
        krag(servers[0].env, "seed-demo")
        try:
            for server in servers:
                server.start()
            for server in servers:
                server.wait_healthy()
            yield servers[0], servers[1]
        finally:
            for server in servers:
                server.stop()


def measure(levels=LEVELS) -> list[Level]:
    out = []
    with two_servers() as (a, b):
        math, thread = a_math_thread(Person(a, "anna.nowak@example.org"))
        for members, posters in levels:
            tokens = add_members(a.env["KRAG_DATABASE_URL"], MATH, members)
            cpu = [_cpu(s.proc.pid) or 0.0 for s in (a, b)]
            outcome = run([a, b], tokens, f"network:{math}", thread, posters, POSTS_EACH, PAUSE)
            used = [(_cpu(s.proc.pid) or 0.0) - before for s, before in zip((a, b), cpu)]
            level = Level(members, posters, outcome, used, [_rss(s.proc.pid) for s in (a, b)])
            print(line(level), flush=True)
            out.append(level)
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * p // 100) - 1)] if ordered else float("nan")


def figure(values: list[float]) -> str:
    return f"{duration(statistics.median(values))} / {duration(percentile(values, 99))}" if values else "–"


def line(level: Level) -> str:
    o = level.outcome
    cells = [f"{level.members}", f"{level.posters} × {POSTS_EACH}", f"{len(o.failures)}", f"{o.missing()} / {o.doubled()}",
             figure(o.poke()), figure(o.delivery()), f"{duration(o.seconds)}",
             " / ".join(f"{c:.1f} s" for c in level.cpu), " / ".join(size(r) if r else "–" for r in level.rss)]
    return "| " + " | ".join(cells) + " |"


def render(levels: list[Level], note: str) -> list[str]:
    return [
        HEAD, "",
        "Two production servers (gunicorn, gevent; README's recipe) on one PostgreSQL database and one Redis. "
        f"*N* members of one network have the app open (python-socketio clients, `tests/load.py`), alternately on "
        f"each process; some of them post {POSTS_EACH} replies each, {PAUSE} s apart, all at once; every member "
        "pulls on each poke from her own cursor (a poke during a pull is pulled for after it). *pushes failed*: not "
        "answered within 30 s (counted, left out of the rest), or not applied. *missing / doubled*: "
        "replies not yet in some member's pulls 30 s after the last push was answered / pulled twice (a last pull from each cursor at the end would show a "
        "doubled one). *poke*: a reply's push sent → the member's first poke after it (coalesced per scope: one "
        "poke may stand for several replies, and one for an earlier reply may come first: a lower bound); *in her pull*: push sent → the reply in her pull; median / p99 over "
        "every reply and member. *all in*: first push → the last reply in the last member's pull. CPU: seconds "
        f"of each process (A / B) during the level; RSS after it. {note}",
        "",
        "| members | posting | pushes failed | missing / doubled | poke | in her pull | all in | CPU A / B | RSS A / B |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *[line(level) for level in levels],
        "",
        "The client side (every member's socket and pulls, in one Python process) runs on the same 2 cores. "
        "`tests/integration/test_multi_process.py` runs the 30-member level in CI and asserts nothing missing "
        "or doubled.",
        "",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.multi_process", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the 30-member level alone; writes no page")
    parser.add_argument("--members", help="the levels to run, e.g. 30,100 (default: 30,100,300)")
    args = parser.parse_args(argv)
    wanted = [int(n) for n in args.members.split(",")] if args.members else None
    levels = measure(QUICK if args.quick else [level for level in LEVELS if wanted is None or level[0] in wanted])
    if not args.quick:
        load = ", ".join(f"{n:.2f}" for n in os.getloadavg()) + f" on {os.cpu_count()} cores"
        DOC.write_text(splice(DOC.read_text(encoding="utf-8"), HEAD, render(levels, f"Load average after: {load}.")),
                       encoding="utf-8")
        print(f"wrote {HEAD!r} into {DOC}")


if __name__ == "__main__":
    main()
