"""A survey's results with 200 responses: a network of 200 members who all answered a
needs survey of eight questions (choices, a scale, open text), named and anonymous alike.
Server time of `GET /api/surveys/<id>/results` (JSON) and `?format=csv` as the coordinator's
phone asks for them, through the Flask test client with her session.

`python -m bench.surveys` measures it alone and rewrites only its section of
docs/benchmarks.md (`--quick`: fewer runs, writes nothing; `--no-pg`: SQLite only).
"""
from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bench.report import duration, run_alone, size
from bench.stats import Sample, measure
from bench.world import World, open_world, on_both_databases
from server.accounts import services as accounts
from server.accounts.publish import person
from server.db import new_id, utcnow
from server.extensions import db
from server.networks import publish
from server.networks.membership import activate
from server.networks.models import Network
from server.syncing.engine import engine

MEMBERS = 200
TARGET = 0.200  # seconds: the issue's target for results
DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEAD = "## A survey's results"
TOPICS = ["Ocenianie kształtujące", "Praca z uczniem ze SPE", "Motywowanie uczniów", "Narzędzia cyfrowe",
          "Współpraca z rodzicami", "Dobrostan"]
QUESTIONS = [
    {"id": "tematy", "kind": "multiple", "text": "Jakie tematy?", "options": TOPICS, "required": True},
    {"id": "forma", "kind": "single", "text": "Jaka forma?", "options": ["Stacjonarnie", "Online", "Na zmianę"],
     "required": True},
    {"id": "pora", "kind": "single", "text": "Jaka pora?", "options": ["14–16", "16–18", "Sobota"]},
    {"id": "doswiadczenie", "kind": "scale", "text": "Doświadczenie?", "required": True},
    {"id": "przydatnosc", "kind": "scale", "text": "Przydatność?"},
    {"id": "podzielenie", "kind": "multiple", "text": "Czym się podzielę?", "options": ["Scenariusz", "Materiały",
                                                                                       "Projekt", "Praktyka"]},
    {"id": "oczekiwania", "kind": "text", "text": "Oczekiwania?"},
    {"id": "trudnosci", "kind": "text", "text": "Trudności?"},
]


@dataclass
class Figure:
    backend: str
    survey: str  # "named" / "anonymous"
    format: str
    bytes: int
    sample: Sample

    @property
    def verdict(self) -> str:
        return "met" if self.sample.median <= TARGET else "MISSED"


def _answers(j: int) -> dict:
    return {"tematy": [t for k, t in enumerate(TOPICS) if (j + k) % 3 == 0] or [TOPICS[0]],
            "forma": ["Stacjonarnie", "Online", "Na zmianę"][j % 3], "pora": ["14–16", "16–18", "Sobota"][j % 3],
            "doswiadczenie": 1 + j % 5, "przydatnosc": 1 + (j * 7) % 5, "podzielenie": ["Materiały"],
            "oczekiwania": f"Chciałabym więcej warsztatów z przykładami z klasy {j % 8 + 1}. " * 3,
            "trudnosci": "Mało czasu na przygotowanie materiałów i zmęczenie uczniów." if j % 2 else ""}


def build(world: World) -> tuple[str, dict[str, str]]:
    """The network, its 200 members and two surveys they all answered, written through the engine;
    the coordinator's id and the surveys' ids by kind."""
    with engine.writing(db.session, new_id()) as ctx:
        coordinator = accounts.create_user(db.session, "koordynatorka@ankiety.example", "Koordynatorka",
                                           is_staff=True, user_id=ctx.user_id)
        person(ctx, coordinator)
        net = Network(name="Sieć ankietowa", kind="subject", topic="matematyka", recruitment="open",
                      school_year="2026/2027")
        ctx.add(net)
        db.session.flush()
        publish.network(ctx, net)
        activate(ctx, net, coordinator.id, "coordinator")
        members = []
        for i in range(MEMBERS):
            user = accounts.create_user(db.session, f"czlonkini{i}@ankiety.example", f"Członkini {i}")
            person(ctx, user)
            activate(ctx, net, user.id, "member")
            members.append(user.id)
    opens = utcnow() - timedelta(days=1)
    surveys = {}
    with engine.writing(db.session, coordinator.id) as ctx:
        for kind in ("named", "anonymous"):
            surveys[kind] = str(uuid.uuid4())
            engine.run(ctx, "survey.create", {
                "id": surveys[kind], "network_id": net.id, "title": f"Diagnoza potrzeb ({kind})", "kind": "needs",
                "anonymous": kind == "anonymous", "opens_at": opens.isoformat(),
                "closes_at": (opens + timedelta(days=14)).isoformat(), "questions": QUESTIONS})
    for j, user_id in enumerate(members):
        with engine.writing(db.session, user_id) as ctx:
            for kind, survey_id in surveys.items():
                args = {"survey_id": survey_id, "answers": _answers(j), "at": utcnow().isoformat()}
                if kind == "anonymous":
                    args["key"] = secrets.token_urlsafe(32)
                engine.run(ctx, "survey.answer", args)
    db.session.rollback()
    return coordinator.id, surveys


def _signed_in(world: World, user_id: str):
    from server.accounts.models import User

    http = world.app.test_client()
    token = accounts.issue_login_token(db.session, db.session.get(User, user_id), 15)
    db.session.commit()
    assert http.post("/api/auth/link", json={"token": token}).status_code == 200
    return http


def measure_backend(url: str, backend: str, reps: int) -> list[Figure]:
    figures = []
    with open_world(url) as world:
        coordinator, surveys = build(world)
        http = _signed_in(world, coordinator)
        for kind, survey_id in surveys.items():
            for fmt in ("json", "csv"):
                path = f"/api/surveys/{survey_id}/results" + ("?format=csv" if fmt == "csv" else "")

                def fetch(_arg, path=path) -> int:
                    response = http.get(path)
                    assert response.status_code == 200, response.status_code
                    return len(response.get_data())

                figures.append(Figure(backend, kind, fmt, fetch(None), measure(fetch, reps)))
                f = figures[-1]
                print(f"survey results ({kind}, {fmt}, {MEMBERS} responses, {size(f.bytes)}): median "
                      f"{duration(f.sample.median)}, p95 {duration(f.sample.p95)} {f.verdict}", flush=True)
    return figures


def run(reps: int, pg: bool = True) -> list[Figure]:
    print(f"== survey results: {MEMBERS} responses", flush=True)
    return on_both_databases(measure_backend, reps, pg)


def render(figures: list[Figure]) -> list[str]:
    if not figures:
        return []
    lines = [
        HEAD,
        "",
        f"A network of {MEMBERS} members who all answered a needs survey of {len(QUESTIONS)} questions (two of "
        "several choices, two of one, two 1–5 scales, two open texts), once named and once anonymous, written "
        "through `survey.answer`. The coordinator's `GET /api/surveys/<id>/results` (counts, percentages, averages, "
        "open answers in Polish order) and `?format=csv` (a row per response; named rows lead with the person), "
        "through the Flask test client with her session: sign-in check, the survey, its responses in one query, "
        f"the tally and the answer. Target: ≤ {TARGET * 1000:.0f} ms. Measured with `python -m bench.surveys` on "
        "the shared machine while other work ran.",
        "",
        "| backend | survey | format | size | median / p95 | alloc | verdict |",
        "|---|---|---|---:|---:|---:|---|",
    ]
    for f in figures:
        lines.append(f"| {f.backend} | {f.survey} | {f.format} | {size(f.bytes)} | {duration(f.sample.median)} / "
                     f"{duration(f.sample.p95)} | {size(f.sample.alloc_peak)} | {f.verdict} |")
    return lines + [""]


def main(argv: list[str] | None = None) -> None:
    run_alone("python -m bench.surveys", str(DOC), run, render, HEAD, 20, "the survey results", argv)


if __name__ == "__main__":
    main()
