"""A bounded load on loopback: N members of one network with the app open (python-socketio
clients), spread over the servers given, some of them posting; each member pulls on every poke
from her own cursor, as the PWA does. Used by tests/integration/test_multi_process.py (small) and
bench/multi_process.py (bigger, its figures in docs/benchmarks.md)."""
from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field

import requests
import socketio
from sqlalchemy import select

from tests.processes import ServerProcess

WAIT = 30  # seconds for every post to reach every member once the last push is answered


def add_members(database_url: str, network_name: str, count: int) -> dict[str, str]:
    """``count`` new teachers, active members of the network; a one-time sign-in token each."""
    from server.accounts import publish as people_rows
    from server.accounts import services
    from server.app import create_app
    from server.extensions import db
    from server.networks.membership import activate
    from server.networks.models import Network
    from server.syncing.engine import engine

    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "load", "PWA_DIST": "/nonexistent"})
    tag = uuid.uuid4().hex[:8]
    with app.app_context():
        session = db.session
        network = session.scalars(select(Network).where(Network.name == network_name)).one()
        coordinator = services.find_user_by_email(session, "koordynator@example.org")
        with engine.writing(session, coordinator.id) as ctx:
            people = [services.create_user(session, f"load-{tag}-{i}@example.org", f"Nauczycielka {i}")
                      for i in range(count)]
            for person in people:
                people_rows.person(ctx, person)
                activate(ctx, network, person.id, "member")
        tokens = {p.email: services.issue_login_token(session, p, 15) for p in people}
        session.commit()
        session.remove()
        db.engine.dispose()
    return tokens


@dataclass
class Member:
    """One open app: a session, a live channel on one server, a cursor, the posts pulled."""

    server: ServerProcess
    http: requests.Session
    scope: str
    cursor: str | None = None
    posts: list[str] = field(default_factory=list)  # ids of posts pulled, in order, repeats kept
    pokes: list[float] = field(default_factory=list)  # when each poke of the scope arrived
    arrived: dict[str, float] = field(default_factory=dict)  # post id -> when her pull brought it
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.poked = threading.Event()
        self.stop = False
        self.socket = socketio.Client(http_session=self.http, reconnection=False)
        self.socket.on("poke", self._poke)
        self.puller = threading.Thread(target=self._pull_on_pokes, daemon=True)

    def _poke(self, data) -> None:
        if data == {"scope": self.scope}:
            self.pokes.append(time.monotonic())
            self.poked.set()

    def pull(self) -> None:
        more = True
        while more:
            params = {"limit": 1000} | ({"cursor": self.cursor} if self.cursor else {})
            answer = self.http.get(f"{self.server.url}/api/sync/pull", params=params, timeout=30)
            if answer.status_code != 200:
                self.errors.append(f"pull {answer.status_code}: {answer.text[:200]}")
                return
            body = answer.json()
            now = time.monotonic()
            for change in body["changes"]:
                if change.get("type") == "post" and change["op"] == "put":
                    self.posts.append(change["id"])
                    self.arrived.setdefault(change["id"], now)
            self.cursor, more = body["cursor"], body["more"]

    def _pull_on_pokes(self) -> None:
        while not self.stop:
            if self.poked.wait(0.5):
                self.poked.clear()  # a poke during the pull is pulled for after it
                try:
                    self.pull()
                except requests.RequestException as exc:
                    self.errors.append(f"pull: {exc}")


def signed_in(server: ServerProcess, token: str) -> requests.Session:
    http = requests.Session()
    me = http.post(f"{server.url}/api/auth/link", json={"token": token}, timeout=30)
    assert me.status_code == 200, me.text[:300]
    http.headers["X-CSRF-Token"] = me.json()["csrf_token"]
    return http


@dataclass
class Outcome:
    members: list[Member]
    sent: dict[str, float]  # post id -> when its push was sent
    answered: dict[str, float]
    seconds: float  # from the first push to the last post reaching everyone
    failures: list[str]  # pushes not answered in 30 s, or not applied

    def missing(self) -> int:
        return sum(len(set(self.sent) - set(m.posts)) for m in self.members)

    def doubled(self) -> int:
        return sum(len([p for p in m.posts if p in self.sent]) - len(set(m.posts) & set(self.sent))
                   for m in self.members)

    def delivery(self) -> list[float]:
        """Push sent → the post in her pull, for every post and member, in seconds."""
        return [m.arrived[p] - t for m in self.members for p, t in self.sent.items() if p in m.arrived]

    def poke(self) -> list[float]:
        """Push sent → her first poke after it (pokes are coalesced per scope: one poke may
        stand for several replies), in seconds."""
        out = []
        for m in self.members:
            for t in self.sent.values():
                after = [p for p in m.pokes if p >= t]
                if after:
                    out.append(min(after) - t)
        return out


def run(servers: list[ServerProcess], tokens: dict[str, str], scope: str, thread: str, posters: int,
        posts_each: int, pause: float = 0.1) -> Outcome:
    """Open every member's app (alternately on each server), pull once, then ``posters`` of them
    post ``posts_each`` replies each, all at once, ``pause`` s apart; wait until every member has
    pulled every reply or WAIT s have passed."""
    members = [Member(servers[i % len(servers)], signed_in(servers[i % len(servers)], token), scope)
               for i, token in enumerate(tokens.values())]
    try:
        for member in members:
            member.socket.connect(member.server.url, wait_timeout=WAIT)
            member.pull()
            member.puller.start()
        sent: dict[str, float] = {}
        answered: dict[str, float] = {}
        failures: list[str] = []

        def post(member: Member, index: int) -> None:
            client = str(uuid.uuid4())
            for i in range(1, posts_each + 1):
                post_id = str(uuid.uuid4())
                sent[post_id] = time.monotonic()
                try:
                    answer = member.http.post(f"{member.server.url}/api/sync/push", timeout=30, json={
                        "client_id": client, "mutations": [{"id": i, "name": "post.create", "args": {
                            "id": post_id, "thread_id": thread, "body": f"Wpis {index}.{i}"}}]})
                except requests.RequestException as exc:  # the device would resend it later
                    del sent[post_id]
                    failures.append(f"push: {type(exc).__name__}")
                    continue
                answered[post_id] = time.monotonic()
                if answer.status_code != 200 or answer.json()["results"][0]["status"] != "applied":
                    failures.append(answer.text[:200])
                time.sleep(pause)  # a person's pace, not a timing wait

        began = time.monotonic()
        writers = [threading.Thread(target=post, args=(m, i)) for i, m in enumerate(members[:posters])]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(120)
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline and any(set(sent) - set(m.arrived) for m in members):
            time.sleep(0.05)
        ended = max((max(m.arrived.values(), default=began) for m in members), default=began)
        for member in members:  # one more pull each, once her puller is done: a cursor that
            member.stop = True  # gave a post twice would give it again here
            member.puller.join(WAIT)
            member.pull()
        return Outcome(members, sent, answered, ended - began, failures)
    finally:
        for member in members:
            member.stop = True
            member.socket.disconnect()
