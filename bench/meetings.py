"""A network's meetings: 40 meetings, 200 members, everyone's attendance at every one and
their answers to the ones ahead. Server time of a first pull to an empty device, in the
PWA's pages of 1,000 (`engine.pull` + `encode`, as the route answers), for the coordinator (the whole list and
the codes) and for one member (the meetings, the answers, her own attendance)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta


from bench.report import duration, size
from bench.stats import Sample, measure
from bench.world import World, open_world, postgres_url, sqlite_url
from server.accounts import services as accounts
from server.accounts.publish import person
from server.db import new_id, utcnow
from server.extensions import db
from server.networks import publish
from server.networks.membership import activate
from server.networks.models import Network
from server.syncing.engine import engine
from sync.pull import encode as encode_pull

HEAD = "## A network's meetings"
MEETINGS, MEMBERS = 40, 200
PAGE = 1000  # the PWA's pull limit
TARGET = 0.100  # seconds: the target for the pull
BATCH = 1000  # mutations per server-side transaction while setting up


@dataclass
class Figure:
    backend: str
    who: str
    rows: int
    sample: Sample

    @property
    def verdict(self) -> str:
        return "met" if self.sample.median <= TARGET else "MISSED"


@dataclass
class Network40:
    network_id: str
    coordinator: str
    member: str


def build(world: World) -> Network40:
    """The network, its members, its meetings (half held, half ahead), attendance and answers,
    all through the engine as the devices would write them."""
    # Her own coordinator, a staff member but no admin: an admin's device would hold every row twice
    # (the network's managers scope and the admins scope).
    with engine.writing(db.session, new_id()) as ctx:
        coordinator = accounts.create_user(db.session, "koordynatorka@bench.example", "Koordynatorka", is_staff=True,
                                           user_id=ctx.user_id)
        person(ctx, coordinator)
        net = Network(name="Sieć benchmarkowa", kind="subject", topic="matematyka", recruitment="open",
                      school_year="2026/2027")
        ctx.add(net)
        db.session.flush()
        publish.network(ctx, net)
        activate(ctx, net, coordinator.id, "coordinator")
        members = []
        for i in range(MEMBERS):
            user = accounts.create_user(db.session, f"czlonek{i}@bench.example", f"Członkini {i}")
            person(ctx, user)
            activate(ctx, net, user.id, "member")
            members.append(user.id)
    now = utcnow()
    starts = [now + timedelta(days=14 * (i - MEETINGS // 2)) for i in range(MEETINGS)]
    meetings = [str(uuid.uuid4()) for _ in starts]
    _run_all(coordinator.id, [("meeting.create", {
        "id": m, "network_id": net.id, "title": f"Spotkanie {i + 1}", "starts_at": s.isoformat(),
        "ends_at": (s + timedelta(hours=2)).isoformat(),
        "agenda": [{"time": "15:00", "topic": "Powitanie"}, {"time": "15:15", "topic": "Warsztaty", "who": "Ekspert"}],
    }) for i, (m, s) in enumerate(zip(meetings, starts))])
    _run_all(coordinator.id, [("attendance.set", {"meeting_id": m, "user_id": u, "present": (i + j) % 5 != 0,
                                         "at": (s + timedelta(minutes=5)).isoformat()})
                     for i, (m, s) in enumerate(zip(meetings, starts)) for j, u in enumerate(members)])
    for j, user_id in enumerate(members):
        _run_all(user_id, [("meeting.rsvp", {"meeting_id": m, "answer": ("yes", "maybe", "no")[(i + j) % 3]})
                           for i, (m, s) in enumerate(zip(meetings, starts)) if s > now])
    return Network40(net.id, coordinator.id, members[0])


def _run_all(user_id: str, mutations: list[tuple[str, dict]]) -> None:
    for start in range(0, len(mutations), BATCH):
        with engine.writing(db.session, user_id) as ctx:
            for name, args in mutations[start:start + BATCH]:
                engine.run(ctx, name, args)


def first_pull(user_id: str) -> int:
    """Everything she may see, to a device with nothing, page after page: the rows."""
    cursor, rows, more = None, 0, True
    while more:
        body = engine.pull(db.session, user_id, cursor, PAGE, raw=True)
        encode_pull(body)  # what GET /api/sync/pull sends
        cursor, rows, more = body["cursor"], rows + len(body["changes"]), body["more"]
    return rows


def measure_backend(url: str, backend: str, reps: int) -> list[Figure]:
    figures = []
    with open_world(url) as world:
        net = build(world)
        db.session.rollback()
        for who, user_id in (("the coordinator", net.coordinator), ("a member", net.member)):
            rows = first_pull(user_id)
            sample = measure(lambda _arg, u=user_id: first_pull(u), reps)
            figures.append(Figure(backend, who, rows, sample))
            print(f"meetings — first pull, {who} ({rows:,} rows): median {duration(sample.median)}, "
                  f"p95 {duration(sample.p95)} {figures[-1].verdict}", flush=True)
    return figures


def run(reps: int, pg: bool = True) -> list[Figure]:
    print("== meetings: 40 meetings, 200 members", flush=True)
    with sqlite_url() as url:
        figures = measure_backend(url, "SQLite", reps)
    if pg:
        with postgres_url() as url:
            if url is not None:
                figures += measure_backend(url, "PostgreSQL", reps)
    return figures


def render(figures: list[Figure], note: str = "") -> list[str]:
    if not figures:
        return []
    lines = [
        HEAD,
        "",
        f"A network with {MEETINGS} meetings (half held, half ahead) and {MEMBERS} members: everyone's attendance "
        f"at every meeting ({MEETINGS * MEMBERS:,} `attendance` rows) and everyone's answer to each meeting ahead, "
        "written through the mutators. A first pull to an empty device, in the PWA's pages of 1,000 "
        "(`engine.pull` + `encode` per page, as GET /api/sync/pull answers; server time): the coordinator's device holds the whole list and the "
        "check-in codes, a member's the meetings, the answers and her own attendance. Both pulls carry everything "
        "else the person sees too (the catalogue, the demo's networks, the 200 members' rows). "
        f"Target: ≤ {TARGET * 1000:.0f} ms.",
        "",
        "| backend | device | rows | median / p95 | alloc | verdict |",
        "|---|---|---:|---:|---:|---|",
    ]
    for f in figures:
        lines.append(f"| {f.backend} | {f.who} | {f.rows:,} | {duration(f.sample.median)} / {duration(f.sample.p95)} "
                     f"| {size(f.sample.alloc_peak)} | {f.verdict} |")
    return lines + ([""] + [note] if note else []) + [""]

