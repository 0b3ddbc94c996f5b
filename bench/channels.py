"""Open apps: how many live channels a server holds while the API still answers.

Each server under test is a real process on a fresh SQLite database with the demo data.
Jan's phone, many times over, holds N live channels (tests/channels.py: raw Engine.IO
WebSockets that answer pings); meanwhile Anna asks `GET /api/me`, pushes a reply and
pulls it, and the bench times each answer and the poke's way to every open channel.
"""
from __future__ import annotations

import os
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

from bench.report import duration, size
from bench.stats import Sample
from server.syncing.pokes import INTERVAL_S
from tests.channels import Channels
from tests.processes import RECIPE, Person, ServerProcess, a_math_thread, krag, krag_env

THREADS_100 = ("--workers", "1", "--threads", "100")
THREADS_1000 = ("--workers", "1", "--threads", "1000")
# (label, gunicorn worker arguments, or None for `krag run`)
SERVERS = [
    ("gunicorn `--threads 100` (the recipe until now)", THREADS_100),
    ("gunicorn `--threads 1000`", THREADS_1000),
    ("gunicorn `--worker-class gevent --worker-connections 2000` (the recipe now)", RECIPE),
    ("`krag run` (Werkzeug, a thread per connection; for development)", None),
]
OPEN_WAIT = 5.0  # seconds for one channel to open, past which the server holds no more
ANSWER_WAIT = 5.0  # seconds for one API answer, past which the API counts as stalled
POKE_WAIT = 10.0
HEAD = "### Open apps: live channels held by one server process"
ME_REPS, WRITE_REPS = 20, 10
BURST_DEVICES, BURST_REPLIES = 5, 10  # replies landing together: each device pushes its own, all at once


@dataclass
class Level:
    wanted: int
    opened: int = 0
    opening: float = 0.0  # seconds to open the channels added at this level
    rss: int | None = None  # bytes, the server's processes together
    me: Sample | None = None
    push: Sample | None = None
    poke: Sample | None = None  # from the push until every open channel was poked
    pull: Sample | None = None
    stalled: str = ""  # why the API measurements stopped


@dataclass
class Run:
    label: str
    levels: list[Level] = field(default_factory=list)
    burst: str = ""  # many replies at once with the most channels open: how many pokes each app got


def measure(counts: tuple[int, ...]) -> list[Run]:
    runs = []
    for label, worker in SERVERS:
        print(f"== open apps: {label}", flush=True)
        runs.append(Run(label, *_measure_server(worker, counts)))
    return runs


def _measure_server(worker: tuple[str, ...] | None, counts: tuple[int, ...]) -> tuple[list[Level], str]:
    with tempfile.TemporaryDirectory(prefix="krag-bench-channels-") as tmp:
        server = _start(Path(tmp), worker)
        try:
            anna, jan = Person(server, "anna.nowak@example.org"), Person(server, "jan.kowalski@example.org")
            math, thread = a_math_thread(anna)
            channels = Channels(server.url, "; ".join(f"{c.name}={c.value}" for c in jan.http.cookies))
            writer = Writer(server, anna, thread)
            levels, burst = [], ""
            try:
                for count in counts:
                    level = _level(server, channels, writer, f"network:{math}", count)
                    levels.append(level)
                    print(_line(level), flush=True)
                    if level.stalled or level.opened < count:
                        break  # more channels will not open, and the API does not answer
                else:
                    burst = _burst(server, channels, anna, thread, f"network:{math}")
                    print(burst, flush=True)
            finally:
                channels.close()
            return levels, burst
        finally:
            server.stop()


def _start(tmp: Path, worker: tuple[str, ...] | None) -> ServerProcess:
    dist = tmp / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>Krąg</title>")
    env = krag_env(INSTANCE_PATH=str(tmp / "instance"), PWA_DIST=str(dist), SECRET_KEY="bench-channels")
    server = ServerProcess("bench", env, tmp, gunicorn=worker is not None, worker=worker or RECIPE)
    krag(server.env, "db", "upgrade")
    krag(server.env, "seed-demo")
    server.start()
    server.wait_healthy()
    return server


class Writer:
    """Anna's device: one reply a push, numbered on, and her pull cursor."""

    def __init__(self, server: ServerProcess, anna: Person, thread: str):
        self.url, self.http, self.thread = server.url, anna.http, thread
        self.client_id, self.next_id = str(uuid.uuid4()), 1
        self.cursor = None
        while self.pull():  # to the head: later pulls bring only the new reply
            pass

    def me(self) -> None:
        _ok(self.http.get(f"{self.url}/api/me", timeout=ANSWER_WAIT))

    def push(self) -> None:
        mutation = {"id": self.next_id, "name": "post.create",
                    "args": {"id": str(uuid.uuid4()), "thread_id": self.thread, "body": "Przy otwartych aplikacjach"}}
        self.next_id += 1
        _ok(self.http.post(f"{self.url}/api/sync/push", json={"client_id": self.client_id, "mutations": [mutation]},
                           timeout=ANSWER_WAIT))

    def pull(self) -> bool:
        """One page from her cursor; whether more is waiting."""
        params = {"limit": 1000} | ({"cursor": self.cursor} if self.cursor else {})
        body = _ok(self.http.get(f"{self.url}/api/sync/pull", params=params, timeout=ANSWER_WAIT)).json()
        self.cursor = body["cursor"]
        return body["more"]


def _level(server: ServerProcess, channels: Channels, writer: Writer, scope: str, count: int) -> Level:
    level = Level(count)
    start = time.perf_counter()
    level.opened = channels.open_up_to(count, OPEN_WAIT)
    level.opening = time.perf_counter() - start
    level.rss = _rss(server.proc.pid)
    try:
        level.me = Sample([_timed(writer.me) for _ in range(ME_REPS)])
        push, poke, pull = [], [], []
        for _ in range(WRITE_REPS):
            channels.forget()
            start = time.perf_counter()
            writer.push()
            push.append(time.perf_counter() - start)
            reached = channels.wait_poked(scope, level.opened, POKE_WAIT)
            if reached < level.opened:
                raise TimeoutError(f"a poke reached {reached} of {level.opened} channels in {POKE_WAIT:.0f} s")
            poke.append(time.perf_counter() - start)
            pull.append(_timed(writer.pull))
            # A lone reply: one within INTERVAL_S of its scope's last poke is poked at the interval's end.
            time.sleep(INTERVAL_S)
        level.push, level.poke, level.pull = Sample(push), Sample(poke), Sample(pull)
    except (requests.RequestException, TimeoutError) as exc:
        level.stalled = f"{type(exc).__name__}: {exc}"[:160]
    return level


def _burst(server: ServerProcess, channels: Channels, anna: Person, thread: str, scope: str) -> str:
    """BURST_DEVICES of Anna's devices push BURST_REPLIES replies each, all at once: how many pokes
    (each a pull in the PWA) every open app gets, and the server's CPU time for all of it."""
    writers = [Writer(server, anna, thread) for _ in range(BURST_DEVICES)]
    channels.forget()
    cpu, start = _cpu(server.proc.pid), time.perf_counter()
    failed: list[str] = []

    def push_all(writer: Writer) -> None:
        try:
            for _ in range(BURST_REPLIES):
                writer.push()
        except requests.RequestException as exc:
            failed.append(f"{type(exc).__name__}: {exc}"[:120])

    threads = [threading.Thread(target=push_all, args=(w,)) for w in writers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - start
    heard = -1
    while heard != sum(len(s) for s in channels.pokes.values()):  # until no poke came for a second
        heard = sum(len(s) for s in channels.pokes.values())
        time.sleep(1.0)
    poked = [scopes.count(scope) for scopes in channels.pokes.values()]
    replies = BURST_DEVICES * BURST_REPLIES
    return (f"{replies} replies pushed at once by {BURST_DEVICES} devices with {len(channels.open)} apps open: "
            f"pushed in {took:.1f} s, each open app poked {min(poked)}–{max(poked)} times (a pull each), "
            f"server CPU {(_cpu(server.proc.pid) or 0) - (cpu or 0):.1f} s" + (f"; failed: {failed[0]}" if failed else ""))


def _ok(response: requests.Response) -> requests.Response:
    if response.status_code != 200:
        raise requests.HTTPError(f"{response.status_code} {response.text[:200]}")
    return response


def _timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _rss(pid: int) -> int | None:
    """Resident memory of ``pid`` and its descendants (gunicorn's master and worker)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            own = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return None
    return own + sum(_rss(child) or 0 for child in _children(pid))


def _cpu(pid: int) -> float | None:
    """CPU seconds of ``pid`` and its descendants so far."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return own + sum(_cpu(child) or 0 for child in _children(pid))


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def _figure(sample: Sample | None) -> str:
    return "–" if sample is None else f"{duration(sample.median)} / {duration(sample.p95)}"


def _line(level: Level) -> str:
    return (f"{level.opened}/{level.wanted} open in {level.opening:.1f} s; /api/me {_figure(level.me)}; "
            f"push {_figure(level.push)}; poke {_figure(level.poke)}; pull {_figure(level.pull)}; "
            f"RSS {size(level.rss)} {level.stalled}")


def render(runs: list[Run], note: str = "") -> list[str]:
    if not runs:
        return []
    lines = [
        HEAD,
        "",
        "Every open app holds its live channel (a WebSocket) for as long as it is open. Here one process on "
        "SQLite holds *N* of them (Jan's, opened one after another, answering the server's pings) while Anna "
        f"asks `GET /api/me` ({ME_REPS} times), and {WRITE_REPS} times pushes one reply, waits until the poke "
        f"has reached every open channel, pulls the reply and waits {INTERVAL_S * 1000:.0f} ms (pokes are coalesced "
        "per scope: a reply sooner after the last poke would be poked at the interval's end). Then, with the most "
        f"channels open, {BURST_DEVICES} of her devices push {BURST_REPLIES} replies each all at once: how many "
        "pokes each open app gets (without coalescing, one a reply). Median / p95 of each answer as the client sees it "
        "(over loopback, the client on the same 2 cores); *poke* runs from the push to the last channel poked. "
        f"A channel that does not open within {OPEN_WAIT:.0f} s, or an answer that does not come within "
        f"{ANSWER_WAIT:.0f} s, ends that server's run." + (f" {note}" if note else ""),
        "",
    ]
    for run in runs:
        lines += [
            f"**{run.label}**",
            "",
            "| open channels | opened in | `GET /api/me` | push | poke to all | pull | server RSS |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for level in run.levels:
            opened = f"{level.opened}" if level.opened == level.wanted else f"**{level.opened} of {level.wanted}**"
            row = [opened, duration(level.opening), *(_figure(s) for s in (level.me, level.push, level.poke, level.pull)),
                   size(level.rss)]
            lines.append("| " + " | ".join(row) + " |")
            if level.stalled:
                lines.append(f"| | stalled: {level.stalled.replace('|', '/')} | | | | | |")
        lines.append("")
        if run.burst:
            lines += [run.burst + ".", ""]
    return lines

