"""`python -m bench`: measure on SQLite (and PostgreSQL when it answers), rewrite docs/benchmarks.md."""
from __future__ import annotations

import argparse
import os
import time
from dataclasses import dataclass
from pathlib import Path

from bench import calendar_feed, channels, docs, interactive, machine, meetings, scenarios, wire
from bench.profiling import profile, render
from bench.report import duration, keep_unmeasured, render_page, size, splice
from bench.scenarios import Result
from bench.stats import peak_rss_bytes
from bench.world import World, open_world, postgres_url, sqlite_url

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


@dataclass(frozen=True)
class Plan:
    push_reps: int = 10
    http_push_reps: int = 5
    pull_reps: int = 10
    incremental_reps: int = 30
    small_db: int = 10_000
    big_db: int = 100_000
    open_apps: tuple[int, ...] = (100, 300, 500, 1000)  # live channels held at once (bench/channels.py)
    meeting_pulls: int = 10  # first pulls of a network's meetings (bench/meetings.py)
    feed_fetches: int = 20  # fetches of a person's calendar feed (bench/calendar_feed.py)
    coediting: docs.Plan = docs.Plan()  # co-edited documents against y-websocket (bench/docs.py)
    interactive_runs: int = 5  # visits of each kind on a village link in Chromium (bench/interactive.py)


QUICK = Plan(push_reps=2, http_push_reps=2, pull_reps=2, incremental_reps=3, big_db=20_000, open_apps=(20,),
             meeting_pulls=2, feed_fetches=3, coediting=docs.QUICK,
             interactive_runs=1)


def run_backend(url: str, backend: str, plan: Plan, profile_all: bool,
                loads: list[wire.Load] | None = None) -> list[Result]:
    print(f"== {backend}", flush=True)
    results: list[Result] = []
    with open_world(url) as world:

        def step(measured: list[Result]) -> None:
            # Profile at once: later steps change the database the figures were taken on.
            for r in measured:
                if r.missed or profile_all:
                    r.profile = profile(r.run, r.prepare)
                s = r.sample
                print(f"{r.section} — {r.label}: median {duration(s.median)}, p95 {duration(s.p95)}, "
                      f"alloc {size(s.alloc_peak)} {r.verdict}", flush=True)
                if r.profile:
                    print("\n".join(render(r.profile)), flush=True)
            results.extend(measured)

        _grow(world, plan.small_db)
        step(scenarios.full_pull(world, plan.pull_reps))
        if loads is not None:  # bytes hardly depend on the database: counted on one
            loads.extend(wire.measure(world))
        baseline: dict[str, tuple[Result, str]] = {}
        step(scenarios.incremental_pull(world, plan.incremental_reps, "small", baseline))
        step(scenarios.push(world, plan.push_reps))
        step(scenarios.push_http(world, plan.http_push_reps))
        _grow(world, plan.big_db)
        step(scenarios.incremental_pull(world, plan.incremental_reps, "big", baseline))
        step(scenarios.push(world, plan.push_reps, "push_big"))
    return results


def _grow(world: World, posts: int) -> None:
    start = time.perf_counter()
    world.grow_to(posts)
    print(f"(set-up: {world.post_count():,} posts in the database, {time.perf_counter() - start:.1f} s)", flush=True)


def _load() -> str:
    return ", ".join(f"{n:.2f}" for n in os.getloadavg()) + f" on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--no-pg", action="store_true", help="leave out the PostgreSQL column")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary of every measurement")
    parser.add_argument("--quick", action="store_true", help="few runs on a small database; writes no page")
    parser.add_argument("--no-channels", action="store_true", help="leave out the open apps (live channels)")
    parser.add_argument("--only-channels", action="store_true", help="measure the open apps alone; rewrites only their section of the page")
    parser.add_argument("--no-meetings", action="store_true", help="leave out a network's meetings")
    parser.add_argument("--only-meetings", action="store_true",
                        help="measure a network's meetings alone; rewrites only their section of the page")
    parser.add_argument("--no-calendar", action="store_true", help="leave out a person's calendar feed")
    parser.add_argument("--no-docs", action="store_true", help="leave out co-edited documents (against y-websocket)")
    parser.add_argument("--no-interactive", action="store_true",
                        help="leave out the time to interactive on a village link (Chromium)")
    parser.add_argument("--output", type=Path, help=f"where to write the page (default {DOC})")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else Plan()
    output = args.output or (None if args.quick else DOC)

    if args.only_channels:
        runs = channels.measure(plan.open_apps)
        if output:
            section = channels.render(runs, f"Measured alone; load average then: {_load()}.")
            output.write_text(splice(output.read_text(encoding="utf-8"), channels.HEAD, section), encoding="utf-8")
            print(f"wrote the open apps into {output}")
        return
    if args.only_meetings:
        section = meetings.render(meetings.run(plan.meeting_pulls, pg=not args.no_pg),
                                  f"Measured alone; load average then: {_load()}.")
        if output:
            output.write_text(splice(output.read_text(encoding="utf-8"), meetings.HEAD, section), encoding="utf-8")
            print(f"wrote the meetings into {output}")
        return
    started = time.perf_counter()
    runs: dict[str, list[Result]] = {}
    notes = [f"load average when the run began (other work on the machine): {_load()}"]
    with sqlite_url() as url:
        runs["SQLite"] = run_backend(url, "SQLite", plan, args.profile, loads := [])
        notes.append(f"peak RSS of the process after the SQLite runs: {size(peak_rss_bytes())}")
    with sqlite_url() as url, open_world(url) as world:
        loads.append(wire.demo_pull(world))
    for load in loads:
        print(f"{load.label}: {', '.join(f'{c} {load.total(c):,} B' for c, _ in wire.CODINGS)}", flush=True)
    facts = machine.describe()
    if not args.no_pg:
        with postgres_url() as url:
            if url is not None:
                facts = machine.describe(url)
                runs["PostgreSQL"] = run_backend(url, "PostgreSQL", plan, args.profile)
                notes.append(f"peak RSS of the process after both backends: {size(peak_rss_bytes())}")
    live = [] if args.no_channels else channels.measure(plan.open_apps)
    meeting_pulls = [] if args.no_meetings else meetings.run(plan.meeting_pulls, pg=not args.no_pg)
    feeds = [] if args.no_calendar else calendar_feed.run(plan.feed_fetches, pg=not args.no_pg)
    coediting = None if args.no_docs else docs.run(plan.coediting)
    tti = None if args.no_interactive else interactive.run(plan.interactive_runs)
    elapsed = time.perf_counter() - started
    print(f"== done in {elapsed:.0f} s", flush=True)
    if output:
        sections = (wire.render(loads) + channels.render(live) + meetings.render(meeting_pulls)
                    + calendar_feed.render(feeds) + (docs.render(coediting) if coediting else [])
                    + (interactive.render(*tti) if tti else []))
        old = output.read_text(encoding="utf-8") if output.exists() else ""
        output.write_text(keep_unmeasured(old, render_page(facts, runs, notes, elapsed, sections)), encoding="utf-8")
        print(f"wrote {output}")


if __name__ == "__main__":
    main()
