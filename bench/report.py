"""docs/benchmarks.md: the machine, the figures against their targets, how to run it again."""
from __future__ import annotations

import re

from bench.profiling import render
from bench.scenarios import FIRST_PULL, INCREMENTAL, PUSH, Result

_ORDER = [PUSH, FIRST_PULL, INCREMENTAL]  # sections in reading order


def duration(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    ms = seconds * 1000
    return f"{ms:.1f} ms" if ms < 10 else f"{ms:.0f} ms"


def size(n: int | None) -> str:
    return "–" if n is None else f"{n / 2 ** 20:.1f} MiB"


def render_page(machine: list[tuple[str, str]], runs: dict[str, list[Result]], notes: list[str],
                elapsed: float, wire: list[str] = ()) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Server-side time of the sync engine's push and pull against the targets Krąg is built to, and the "
        "bytes a first visit and a first pull send, and how many open apps one server process holds. "
        "This page is written by `make bench` (`.venv/bin/python -m bench`): change `bench/`, not this page.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {name} | {value} |" for name, value in machine],
        "",
        "## Figures",
        "",
        "Median and p95 of wall-clock time (`time.perf_counter`) over *n* runs, after one untimed warm-up run. "
        "p95 is the nearest rank: with fewer than 20 runs it is the slowest run. Pushes stop at 5 runs once their "
        "timed runs add up to 4 s. *Alloc* is the peak of Python "
        "allocations during one more run (tracemalloc): what one request adds to the server's memory.",
        "",
        *_tables(runs),
        *[f"- {note}" for note in notes],
        "",
        *wire,
        *_method(),
        *_missed(runs),
        "## How to run",
        "",
        "`make bench`, or `.venv/bin/python -m bench` from the repository root, rewrites this page "
        f"(this run took {elapsed:.0f} s). The PostgreSQL column uses a fresh database on `KRAG_TEST_PG_URL` "
        "(default `postgresql://postgres@127.0.0.1:5432/test`), dropped afterwards; `--no-pg` leaves it out, `--no-channels` leaves out the open apps, "
        "`--no-meetings` a network's meetings (`--only-meetings` measures them alone and rewrites only their section), "
        "`--no-docs` the co-edited documents against y-websocket (`python -m bench.docs` measures them alone and "
        "rewrites only their section; `make bench` installs `bench/yws`), "
        "`--no-interactive` the time to interactive in Chromium on a village link (`python -m bench.interactive` "
        "measures it alone and rewrites only its section), "
        "`--profile` prints a cProfile summary of every measurement, `--quick` checks the benchmark itself in "
        "seconds without writing this page.",
        "",
    ]
    return "\n".join(lines)


def _tables(runs: dict[str, list[Result]]) -> list[str]:
    backends = list(runs)
    by_key = {b: {r.key: r for r in results} for b, results in runs.items()}
    sections: dict[str, list[Result]] = {}
    for r in runs[backends[0]]:
        sections.setdefault(r.section, []).append(r)
    lines: list[str] = []
    for title, results in sorted(sections.items(), key=lambda item: _ORDER.index(item[0])):
        lines += [
            f"### {title}",
            "",
            "| measurement | target | " + " | ".join(f"{b}: median / p95 | alloc | verdict" for b in backends) + " |",
            "|---|---|" + "---:|---:|---|" * len(backends),
        ]
        for first in results:
            cells = []
            for b in backends:
                r = by_key[b].get(first.key)
                if r is None:
                    cells += ["–", "–", "–"]
                    continue
                s = r.sample
                cells += [f"{duration(s.median)} / {duration(s.p95)} (n={len(s.seconds)})", size(s.alloc_peak),
                          f"**{r.verdict}**" if r.missed else (r.verdict or "–")]
            lines.append(f"| {first.label} | {first.target} | " + " | ".join(cells) + " |")
        lines.append("")
    return lines


def _missed(runs: dict[str, list[Result]]) -> list[str]:
    missed = [(b, r) for b, results in runs.items() for r in results if r.missed and r.profile]
    if not missed:
        return []
    lines = ["## Where the time goes where a target is missed", "",
             "One more run under cProfile (which slows it about twofold): Krąg's functions by cumulative time, "
             "then the functions with the most time in their own code.", ""]
    for b, r in missed:
        lines += [f"{b} — {r.section.lower()}: {r.label}", "", "```", *render(r.profile, top=8), "```", ""]
    return lines


def _method() -> list[str]:
    return [
        "## What is measured",
        "",
        "- Each backend gets a fresh database migrated with `server.migrate.upgrade`, the app from "
        "`server.app.create_app` (inside an app context) and the demo data (`server.demo.seed`). Anna, a member "
        "of \"Sieć matematyków\", reads and pushes. Jan's posts fill the database in transactions of 1,000 (20 new "
        "threads of 50 posts each) written through the engine's change log the way the demo seed writes "
        "(`engine.writing`: scope counters, serialized rows, one commit), not through the mutators, so that a slow "
        "push does not slow the set-up.",
        "- **Push**: 1,000 queued `post.create` from a new device each run, spread over the network's three "
        "demo threads, applied by `server.syncing.engine.engine.push` including its commit. The test-client line "
        "adds the route's request validation and JSON answer. Every run adds 1,000 posts, hence the ranges. "
        "What follows a push off its path (search indexing, mail) runs in background threads after the commit; "
        "between runs the bench waits for it, untimed. SQLite checkpoints its WAL inside a commit once it holds "
        "10,000 pages (`krag run` checkpoints in the background every 30 s, the bench does not): that commit is "
        "the slow run p95 shows. The replies' ids are UUID v7, as the PWA makes them.",
        "- **Targets**: the push and first-pull targets are set for SQLite, the embedded default; PostgreSQL is "
        "held to the same figures here. Its push misses them: the time goes to the server's work on the INSERTs "
        "of the replies and their change-log entries (about 35 and 30 ms of a run, against 15 and 20 on SQLite; "
        "psycopg already pipelines the rows), not to Python.",
        "- **First pull**: the first 10,000 rows Anna may see, to a device with no cursor; "
        "`jsonify(...).get_data()` is the route's encoding. The test-client lines go through "
        "`GET /api/sync/pull` (session cookie, schema, route); parsing each answer to find the next cursor is the "
        "device's work and is not timed. The compressed line sends a browser's `Accept-Encoding`, so its time "
        "includes brotli on each answer (`server/compression.py`); decoding it is the device's work.",
        "- **Incremental pull**: Jan edits 5 of his posts (`post.update`, untimed: each edit is the post and its revision), then Anna pulls from her "
        "cursor and gets exactly those 10 changes; first with about 10,000 posts in the database, then with "
        "100,000.",
        "",
    ]


def splice(page: str, head: str, section: list[str]) -> str:
    """The page with the section that starts at ``head`` replaced by ``section`` (or put before
    "## What is measured"): one benchmark measured again alone rewrites only its own part."""
    text = "\n".join(section).rstrip("\n") + "\n\n"
    if head in page:
        start = page.index(head)
        end = page.find("\n## ", start)
        return page[:start] + text + (page[end + 1:] if end != -1 else "")
    at = page.find("\n## What is measured")
    return page + "\n" + text if at == -1 else page[:at + 1] + text + page[at + 1:]


def keep_unmeasured(old: str, new: str) -> str:
    """``new`` with every section of ``old`` that ``new`` lacks: the benchmarks run on their own
    (`python -m bench.<name>`) are not measured again by a whole run, and their figures stay."""
    for head in re.findall(r"^## .+$", old, flags=re.M):
        if head not in new:
            start = old.index(head)
            end = old.find("\n## ", start)
            new = splice(new, head, old[start:end if end != -1 else len(old)].split("\n"))
    return new


def run_alone(prog: str, doc: str, run, render, head: str, reps: int, what: str, argv=None) -> None:
    """The command line of a benchmark run on its own (`python -m bench.<name>`): ``run(reps, pg)``,
    then its section of the page at ``doc`` rewritten by :func:`splice` (not with --quick)."""
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--no-pg", action="store_true", help="leave out PostgreSQL")
    parser.add_argument("--quick", action="store_true", help="few runs; writes no page")
    args = parser.parse_args(argv)
    figures = run(3 if args.quick else reps, pg=not args.no_pg)
    if not args.quick:
        page = Path(doc)
        page.write_text(splice(page.read_text(encoding="utf-8"), head, render(figures)), encoding="utf-8")
        print(f"wrote {what} into {page}")
