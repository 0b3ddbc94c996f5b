"""The year on paper: the annual report of a network with 30 members, 5 meetings held and 500
posts, and the Poradnia's summary of 100 networks (20 members and 5 meetings each), as PDF and
DOCX (the summary as CSV too) — server time of the GET through the Flask test client.

`python -m bench.reports` measures it alone and rewrites only its section of
docs/benchmarks.md (`--quick`: fewer runs, writes nothing; `--no-pg`: SQLite only).
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bench.report import duration, run_alone, size
from bench.stats import Sample, measure
from bench.world import open_world, on_both_databases
from server.accounts import services as accounts
from server.accounts.publish import person
from server.db import new_id, utcnow
from server.extensions import db
from server.forum import categories
from server.networks import publish
from server.networks.membership import activate
from server.networks.models import Network
from server.networks.years import school_year
from server.syncing.engine import engine
from tests.apiclient import ApiClient

MEMBERS, MEETINGS, POSTS, THREADS = 30, 5, 500, 20
NETWORKS, NETWORK_MEMBERS = 100, 20
TARGETS = {"report": 2.0, "summary": 10.0}  # seconds, the issue's
DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEAD = "## The year on paper: annual report and summary"
STAFF = "pracownik@raporty.example"


def kib(n: int) -> str:
    return f"{n / 1024:.0f} KiB"


@dataclass
class Figure:
    backend: str
    what: str  # "report" | "summary"
    fmt: str
    bytes: int
    sample: Sample

    @property
    def verdict(self) -> str:
        return "met" if self.sample.median <= TARGETS[self.what] else "MISSED"


def _network(ctx, name: str, coordinator_id: str, members: list[str]) -> str:
    net = Network(name=name, kind="subject", topic="matematyka", recruitment="open",
                  school_year=school_year(utcnow().date()))
    ctx.add(net)
    db.session.flush()
    publish.network(ctx, net)
    categories.add_defaults(ctx, net)
    activate(ctx, net, coordinator_id, "coordinator")
    for user_id in members:
        activate(ctx, net, user_id, "member")
    return net.id


def _meetings(coordinator_id: str, network_id: str, members: list[str]) -> None:
    """Five meetings held in the last weeks, each attended by four in five members."""
    with engine.writing(db.session, coordinator_id) as ctx:
        for i in range(MEETINGS):
            starts = utcnow() - timedelta(days=5 + 7 * i)
            meeting_id = str(uuid.uuid4())
            engine.run(ctx, "meeting.create", {
                "id": meeting_id, "network_id": network_id, "title": f"Spotkanie {i + 1}: ocenianie kształtujące",
                "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=2, minutes=15)).isoformat(),
                "agenda": [{"time": "15:00", "topic": "Powitanie", "who": "Koordynatorka"},
                           {"time": "15:15", "topic": "Warsztaty: zadania otwarte", "who": "Ekspertka"}]})
            for n, user_id in enumerate(members):
                if (n + i) % 5:
                    engine.run(ctx, "attendance.set", {"meeting_id": meeting_id, "user_id": user_id, "present": True,
                                                       "at": (starts + timedelta(minutes=3)).isoformat()})


def build() -> tuple[str, list[str]]:
    """The measured network (with its forum) and 99 more; (its id, every person's id)."""
    with engine.writing(db.session, new_id()) as ctx:
        coordinator = accounts.create_user(db.session, "koordynatorka@raporty.example", "Koordynatorka Łęcka",
                                           is_staff=True, user_id=ctx.user_id)
        staff = accounts.create_user(db.session, STAFF, "Pracownik Poradni", is_staff=True)
        people = [accounts.create_user(db.session, f"n{i}@raporty.example", f"Nauczycielka Żółć {i:04d}")
                  for i in range(MEMBERS + (NETWORKS - 1) * NETWORK_MEMBERS)]
        for someone in (coordinator, staff, *people):
            person(ctx, someone)
        ids = [p.id for p in people]
        measured = _network(ctx, "Sieć mierzona", coordinator.id, ids[:MEMBERS])
        others = [(_network(ctx, f"Sieć {n + 2:03d}", coordinator.id, chunk), chunk)
                  for n, chunk in enumerate(ids[MEMBERS + k * NETWORK_MEMBERS: MEMBERS + (k + 1) * NETWORK_MEMBERS]
                                            for k in range(NETWORKS - 1))]
    _meetings(coordinator.id, measured, ids[:MEMBERS])
    for network_id, members in others:
        _meetings(coordinator.id, network_id, members)
    for t in range(THREADS):  # the forum: 500 posts in 20 threads
        thread_id = str(uuid.uuid4())
        with engine.writing(db.session, ids[t % MEMBERS]) as ctx:
            engine.run(ctx, "thread.create", {"id": thread_id, "network_id": measured, "title": f"Wątek {t + 1}",
                                              "body": "Jak to robicie?"})
            for p in range(POSTS // THREADS - 1):
                engine.run(ctx, "post.create", {"id": str(uuid.uuid4()), "thread_id": thread_id,
                                                "body": f"Odpowiedź {p + 1}: u mnie działa praca w parach."})
    db.session.rollback()
    return measured, ids


def measure_backend(url: str, backend: str, reps: int) -> list[Figure]:
    with open_world(url) as world:
        network_id, _ids = build()
        staff = ApiClient.signed_in(world.app, STAFF)
        year = int(school_year(utcnow().date()).split("/")[0])
        asks = [("report", fmt, f"/api/networks/{network_id}/report?year={year}&format={fmt}") for fmt in ("pdf", "docx")]
        asks += [("summary", fmt, f"/api/reports/summary?year={year}&format={fmt}") for fmt in ("pdf", "docx", "csv")]
        figures = []
        for what, fmt, path in asks:
            def fetch(_arg, path=path) -> None:
                response = staff.http.get(path)
                assert response.status_code == 200, response.get_data(as_text=True)[:200]

            body = staff.http.get(path).get_data()
            f = Figure(backend, what, fmt, len(body), measure(fetch, reps, budget=30))
            print(f"{what} {fmt} ({kib(f.bytes)}): median {duration(f.sample.median)}, "
                  f"p95 {duration(f.sample.p95)} {f.verdict}", flush=True)
            figures.append(f)
    return figures


def run(reps: int, pg: bool = True) -> list[Figure]:
    print(f"== reports: a network of {MEMBERS} members, {MEETINGS} meetings, {POSTS} posts; "
          f"the summary of {NETWORKS} networks", flush=True)
    return on_both_databases(measure_backend, reps, pg)


def render(figures: list[Figure]) -> list[str]:
    if not figures:
        return []
    lines = [
        HEAD,
        "",
        f"The annual report (`GET /api/networks/<id>/report`) of a network with {MEMBERS} members, {MEETINGS} meetings "
        f"held (four in five members at each) and {POSTS} posts in {THREADS} threads, and the Poradnia's summary "
        f"(`GET /api/reports/summary`) of {NETWORKS} networks of {NETWORK_MEMBERS} members and {MEETINGS} meetings "
        "each (the measured one among them), asked for by a staff member through the Flask test client: the reads, "
        "the document laid out (fpdf2 with DejaVu Sans subset into the PDF, python-docx) and the answer. "
        f"Targets: ≤ {TARGETS['report']:.0f} s for a report, ≤ {TARGETS['summary']:.0f} s for the summary.",
        "",
        "| backend | document | format | size | median / p95 | n | alloc | verdict |",
        "|---|---|---|---:|---:|---:|---:|---|",
    ]
    for f in figures:
        lines.append(f"| {f.backend} | {f.what} | {f.fmt} | {kib(f.bytes)} | {duration(f.sample.median)} / "
                     f"{duration(f.sample.p95)} | {len(f.sample.seconds)} | {size(f.sample.alloc_peak)} | {f.verdict} |")
    return lines + [""]


def main(argv: list[str] | None = None) -> None:
    run_alone("python -m bench.reports", str(DOC), run, render, HEAD, 10, "the reports", argv)


if __name__ == "__main__":
    main()
