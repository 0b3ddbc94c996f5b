"""Co-edited documents (Yjs): Krąg's rooms against the reference y-websocket server, in one run.

Both servers are real processes on this machine: Krąg as a Poradnia runs it (gunicorn, one gevent
worker, SQLite with the demo data; every update stored before it is acknowledged or relayed) and
`@y/websocket-server` 0.1.1 (npm, the server of y-websocket for Yjs 13; documents in memory, nothing
stored). The editors are real Yjs clients in one Node.js process (pwa/test/docs/bench.mjs): for
Krąg the PWA's own provider over socket.io-client, for y-websocket y-protocols' sync messages over
`ws`, as its WebsocketProvider sends them (no awareness on either). Measured:

- update latency: each editor types in turn, a keystroke every 100 ms; the time from the keystroke
  until each other editor holds it (p50, p99 over all deliveries) and until the last one does;
  for 2, 20 and 50 editors on one document. Krąg twice: with the provider as the PWA ships it
  (keystrokes within 60 ms go as one message) and with batching off;
- late join: a 100,000-character document typed by 10 authors at random places, 5 characters an
  update (20,000 updates): a new editor's time from connecting until she holds all of it, while
  another editor has it open (the room in memory), and for Krąg also after everyone left (from
  the store, compacted); 7 joins, the target read on their median;
- stored size of that document (Krąg's snapshot and updates; y-websocket keeps none);
- bytes on the wire per keystroke: WebSocket frames (payload and header) of two editors, one
  typing, a keystroke every 150 ms (each its own message) and every 20 ms (typing fast: batched);
- memory per open room: 40 documents open (one editor each, 2,000 characters typed), per document:
  Krąg's worker's resident memory less before, y-websocket's heap after a full collection less
  before; measured first, after a warm-up.

`python -m bench.docs` measures it alone and rewrites only its section of docs/benchmarks.md
(`--quick`: fewer editors and keystrokes, writes nothing). `make bench` includes it.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bench.report import duration, splice
from server import migrate
from tests.processes import RECIPE, ROOT, Person, ServerProcess, a_math_thread, krag, krag_env
from tests.smtp import free_port

DOC = ROOT / "docs" / "benchmarks.md"
HEAD = "## Co-edited documents (Yjs): Krąg against y-websocket"
DRIVER = ROOT / "pwa" / "test" / "docs" / "bench.mjs"
YWS = ROOT / "bench" / "yws" / "server.mjs"  # @y/websocket-server's, with a memory report on SIGUSR2
YWS_PACKAGE = ROOT / "bench" / "yws" / "node_modules" / "@y" / "websocket-server"
PEOPLE = ("anna.nowak@example.org", "jan.kowalski@example.org", "ewa.wisniewska@example.org",
          "koordynator@example.org")


@dataclass(frozen=True)
class Plan:
    editors: tuple[int, ...] = (2, 20, 50)
    keystrokes: int = 150
    interval_ms: int = 100
    chars: int = 100_000
    piece: int = 5
    joins: int = 7
    rooms: int = 40
    room_chars: int = 2_000
    wire_keys: int = 40


QUICK = Plan(editors=(2, 5), keystrokes=20, chars=10_000, joins=2, rooms=5, room_chars=200, wire_keys=10)


@dataclass
class Figures:
    latency: dict = field(default_factory=dict)  # (server label, editors) → {"deliveries": {...}, "all": {...}}
    late: dict = field(default_factory=dict)  # server → {"open": {...}, "cold": {...}, "state_bytes", "updates"}
    stored: dict = field(default_factory=dict)  # "snapshot", "updates", "rows"
    wire: dict = field(default_factory=dict)  # (server label, interval) → {...}
    memory: dict = field(default_factory=dict)  # server → bytes per room
    load: str = ""
    chars: int = 0
    room_chars: int = 0


def drive(args: dict, timeout: float = 900) -> dict:
    done = subprocess.run(["node", str(DRIVER), json.dumps(args)], cwd=ROOT / "pwa", capture_output=True, text=True,
                          timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    answer = json.loads(lines[-1]) if lines else {"failed": done.stderr[-2000:]}
    if "failed" in answer:
        raise RuntimeError(f"{args['op']} on {args['target']}: {answer['failed']}")
    return answer


def node_heap(servers: "Servers") -> int:
    """y-websocket's heap and external memory right after a full collection."""
    servers.yws.send_signal(signal.SIGUSR2)
    return json.loads(servers.yws.stdout.readline())["heap"]  # type: ignore[union-attr]


def rss(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def worker_pid(master: int) -> int:
    """gunicorn's one worker: the process that holds the rooms."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.05)
    return master


class Servers:
    """Krąg (gunicorn, gevent) and y-websocket side by side, each on its own port."""

    def __init__(self, tmp: Path):
        dist = tmp / "dist"
        dist.mkdir()
        (dist / "index.html").write_text("<!doctype html><title>Krąg</title>")
        self.db_path = tmp / "krag.db"
        env = krag_env(DATABASE_URL=f"sqlite:///{self.db_path}", SECRET_KEY="bench-docs", INSTANCE_PATH=str(tmp),
                       PWA_DIST=str(dist))
        migrate.upgrade(f"sqlite:///{self.db_path}")
        krag(env, "seed-demo")
        self.krag = ServerProcess("bench-docs", env, tmp, gunicorn=True, worker=RECIPE)
        self.krag.start()
        self.krag.wait_healthy()
        self.people = [Person(self.krag, email) for email in PEOPLE]
        self.network, _thread = a_math_thread(self.people[0])
        port = free_port()
        self.yws_url = f"ws://127.0.0.1:{port}"
        self.yws = subprocess.Popen(["node", "--expose-gc", str(YWS)], env=os.environ | {"HOST": "127.0.0.1", "PORT": str(port)},
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert "running" in (self.yws.stdout.readline() if self.yws.stdout else ""), "y-websocket did not start"

    def new_doc(self) -> str:
        return f"notes:{self.network}:{uuid.uuid4()}"

    def target(self, name: str, person: int = 0, **extra) -> dict:
        if name == "yws":
            return {"target": "yws", "url": self.yws_url, **extra}
        who = self.people[person]
        return {"target": "krag", "url": self.krag.url, "cookie": f"krag_session={who.http.cookies['krag_session']}",
                "csrf": who.http.headers["X-CSRF-Token"], **extra}

    def stored(self, doc: str) -> dict:
        with sqlite3.connect(self.db_path) as db:
            snapshot = db.execute("SELECT coalesce(length(snapshot), 0) FROM sync_doc WHERE doc_id = ?", (doc,)).fetchone()
            rows, updates = db.execute("SELECT count(*), coalesce(sum(length(data)), 0) FROM sync_doc_update "
                                       "WHERE doc_id = ?", (doc,)).fetchone()
        return {"snapshot": snapshot[0] if snapshot else 0, "updates": updates, "rows": rows}

    def close(self) -> None:
        self.krag.stop()
        self.yws.terminate()
        self.yws.wait(timeout=10)


SERVERS = (("Krąg, batched (the PWA's provider, 60 ms)", "krag", 60), ("Krąg, unbatched", "krag", 0),
           ("y-websocket", "yws", 0))


def measure(plan: Plan) -> Figures:
    figures = Figures(load=", ".join(f"{n:.2f}" for n in os.getloadavg()) + f" on {os.cpu_count()} cores",
                      chars=plan.chars, room_chars=plan.room_chars)
    with tempfile.TemporaryDirectory(prefix="bench-docs-") as tmp:
        servers = Servers(Path(tmp))
        try:
            for label, name, _batch in SERVERS[1:]:  # first, while both processes hold nothing else yet
                pid = worker_pid(servers.krag.proc.pid) if name == "krag" else servers.yws.pid
                figures.memory[label] = _memory(servers, name, pid, plan)
                print(f"memory per open room, {label}: {figures.memory[label] / 1024:.0f} KiB", flush=True)
            for editors in plan.editors:
                for label, name, batch in SERVERS:
                    args = servers.target(name, op="latency", doc=servers.new_doc(), editors=editors,
                                          keystrokes=plan.keystrokes, interval_ms=plan.interval_ms, batch_ms=batch)
                    figures.latency[(label, editors)] = drive(args)
                    print(f"latency, {editors} editors, {label}: {figures.latency[(label, editors)]}", flush=True)
            for interval in (150, 20):
                for label, name, batch in SERVERS:
                    args = servers.target(name, op="wire", doc=servers.new_doc(), keystrokes=plan.wire_keys,
                                          interval_ms=interval, batch_ms=batch)
                    figures.wire[(label, interval)] = drive(args)
                    print(f"wire, a keystroke every {interval} ms, {label}: {figures.wire[(label, interval)]}", flush=True)
            for label, name, _batch in SERVERS[1:]:
                doc = servers.new_doc()
                figures.late[label] = drive(servers.target(name, op="latejoin", doc=doc, chars=plan.chars,
                                                           piece=plan.piece, joins=plan.joins, batch_ms=0))
                if name == "krag":
                    figures.stored = servers.stored(doc)
                print(f"late join, {label}: {figures.late[label]}", flush=True)
            print(f"stored: {figures.stored}", flush=True)
        finally:
            servers.close()
    return figures


def _memory(servers: Servers, name: str, pid: int, plan: Plan) -> float:
    """Resident memory with ``plan.rooms`` documents open, less before, per document; after a
    warm-up of a few rooms opened and closed (the first ones pay for code and caches)."""
    _rooms(servers, name, pid, max(2, plan.rooms // 8), plan.room_chars)
    return _rooms(servers, name, pid, plan.rooms, plan.room_chars) / plan.rooms


def _rooms(servers: Servers, name: str, pid: int, count: int, chars: int) -> int:
    used = (lambda: node_heap(servers)) if name == "yws" else (lambda: rss(pid))
    before = used()
    args = servers.target(name, op="rooms", docs=[servers.new_doc() for _ in range(count)], chars=chars, batch_ms=0)
    proc = subprocess.Popen(["node", str(DRIVER), json.dumps(args)], cwd=ROOT / "pwa", stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline() if proc.stdout else ""
    if '"ready"' not in line:
        proc.kill()
        raise RuntimeError(f"rooms on {name}: {line} {proc.stderr.read() if proc.stderr else ''}")
    after = used()
    proc.stdin.close()  # type: ignore[union-attr]
    proc.wait(timeout=60)
    return after - before


def _ms(value: float | None) -> str:
    return "–" if value is None else duration(value / 1000)


def render(f: Figures, note: str = "") -> list[str]:
    lines = [HEAD, "", "Krąg's live channel and rooms against the reference `@y/websocket-server` (0.1.1, Yjs 13.6.33) "
             "in the same run on this machine (`bench/docs.py`; how each figure is taken is in its docstring). "
             "Krąg stores every update (SQLite, one commit each) before it acknowledges or relays it; y-websocket "
             "keeps documents in memory only. Targets: p99 latency and late-join time no worse than y-websocket's. "
             f"Load average when it began: {f.load}." + (f" {note}" if note else ""), "",
             "### Update latency to the other editors (a keystroke every 100 ms, each editor in turn)", "",
             "| editors | server | p50 | p99 | to the last editor: p50 | p99 | target (p99) |", "|---|---|---|---|---|---|---|"]
    for editors in sorted({e for _, e in f.latency}):
        reference = f.latency.get(("y-websocket", editors), {}).get("deliveries", {}).get("p99")
        for label, _name, _batch in SERVERS:
            got = f.latency.get((label, editors))
            if not got:
                continue
            d, a = got["deliveries"], got["all"]
            verdict = "" if label == "y-websocket" or reference is None else (
                "met" if d["p99"] <= reference else f"missed ({d['p99'] / reference:.1f}×)")
            lines.append(f"| {editors} | {label} | {_ms(d['p50'])} | {_ms(d['p99'])} | {_ms(a['p50'])} | {_ms(a['p99'])} "
                         f"| {verdict} |")
    lines += ["", f"### Late join of a {f.chars:,}-character document with a fragmented history", ""]
    any_late = next(iter(f.late.values()), {})
    lines += [f"{any_late.get('updates', 0):,} updates of 5 characters by 10 authors at random places "
              f"(Yjs' encoding of the whole document: {any_late.get('state_bytes', 0):,} B). Time from connecting "
              "until the joiner holds every character.", "",
              "| server | room open: median | slowest | from the store (everyone had left): median | slowest "
              "| target (median) |", "|---|---|---|---|---|---|"]
    reference = f.late.get("y-websocket", {}).get("open", {}).get("p50")
    for label, got in f.late.items():
        o, c = got["open"], got["cold"]
        verdict = "" if label == "y-websocket" or reference is None else (
            "met" if o["p50"] <= reference else f"missed ({o['p50'] / reference:.1f}×)")
        lines.append(f"| {label} | {_ms(o['p50'])} | {_ms(o['max'])} | {_ms(c['p50'])} | {_ms(c['max'])} | {verdict} |")
    s = f.stored
    lines += ["", f"Stored by Krąg for it: snapshot {s.get('snapshot', 0):,} B and {s.get('rows', 0):,} updates "
              f"({s.get('updates', 0):,} B) not yet compacted; y-websocket stores nothing.", "",
              "### Bytes on the wire per keystroke (two editors, one typing)", "",
              "WebSocket frames, payload and header (a client's frames are masked: 6 B of header, the server's 2 B).", "",
              "| keystrokes | server | typist sends | typist receives | the other editor receives |",
              "|---|---|---|---|---|"]
    for (label, interval), got in f.wire.items():
        lines.append(f"| every {interval} ms | {label} | {got['typist_sends']:.0f} B | {got['typist_receives']:.0f} B "
                     f"| {got['reader_receives']:.0f} B |")
    lines += ["", "### Memory per open room", "",
              f"Documents open at once, one editor each who typed {f.room_chars:,} characters. Krąg: the worker's "
              "resident memory, less before; y-websocket: V8's heap and external memory after a full collection, "
              "less before (its resident memory moves with the collector, not with the rooms).", "",
              "| server | memory per open document |", "|---|---|"]
    for label, per_room in f.memory.items():
        lines.append(f"| {label} | {per_room / 1024:.0f} KiB |")
    return lines + ["", *_reading(f), ""]


def _reading(f: Figures) -> list[str]:
    """Which targets this run met, and why the figures are what they are."""
    latency = [(e, got["deliveries"]["p99"], f.latency[("y-websocket", e)]["deliveries"]["p99"])
               for (label, e), got in f.latency.items() if label == "Krąg, unbatched" and ("y-websocket", e) in f.latency]
    met = [e for e, mine, theirs in latency if mine <= theirs]
    late = f.late.get("Krąg, unbatched", {}).get("open", {}).get("p50")
    reference = f.late.get("y-websocket", {}).get("open", {}).get("p50")
    late_met = late is not None and reference is not None and late <= reference
    return [
        "**Targets in this run.** p99 latency no worse than y-websocket's: "
        + (f"met for {', '.join(map(str, met))} editors" if met else "missed for every number of editors")
        + (f", missed for {', '.join(str(e) for e, _m, _t in latency if e not in met)}" if met and len(met) < len(latency)
           else "")
        + f" (Krąg unbatched; batched, the PWA adds up to 60 ms on purpose). Late join no worse than "
        f"y-websocket's: {'met' if late_met else 'missed'} (medians {_ms(late)} and {_ms(reference)}).",
        "",
        "Why: y-websocket relays a message the moment it arrives and keeps nothing; Krąg first stores "
        "each update in its own transaction (the rule that nothing acknowledged or seen by others can be lost), "
        "then relays it. In-process that costs about 3 ms of CPU per update on this machine, most of it "
        "SQLAlchemy building and running three statements (`sync_doc`'s counter, the row, the commit); "
        "one profile of the worker (py-spy, 2 editors) put about 60 % of its handler time in "
        "the store and the rest in Socket.IO's framing, the WebSocket writes and Flask-SocketIO's request "
        "context. On a machine as loaded as this one was (see the load average), every step waits its turn "
        "on two cores, which stretches the p99 of both servers and Krąg's most. The late joiner's time is "
        f"mostly Yjs applying the {next(iter(f.late.values()), {}).get('updates', 0):,} fragments in the joiner, "
        "the same work for both; Krąg sends the merged "
        "update it keeps (smaller than Yjs' own encoding of the document) after one more round trip "
        "(`doc:join` and its acknowledgement).",
        "",
        "Bytes: a Krąg update is a Socket.IO binary event, a text frame naming the event and the document "
        "(`notes:<network>:<uuid>` is 80 characters) with an acknowledgement id, then the bytes in a binary "
        "frame, then the acknowledgement back; y-websocket sends one binary frame and echoes it to the sender. "
        "Typing fast, the PWA's provider merges what she types within 60 ms into one message, which brings "
        "Krąg's bytes per keystroke to about 2–3× y-websocket's instead of about 6×.",
    ]


def run(plan: Plan) -> Figures:
    if not YWS_PACKAGE.exists():
        raise SystemExit("bench/yws is not installed: `make bench` (or `cd bench/yws && npm ci`)")
    return measure(plan)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.docs", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="few editors and keystrokes; writes no page")
    args = parser.parse_args(argv)
    figures = run(QUICK if args.quick else Plan())
    section = render(figures, "Measured alone.")
    print("\n".join(section))
    if not args.quick:
        DOC.write_text(splice(DOC.read_text(encoding="utf-8"), HEAD, section), encoding="utf-8")
        print(f"wrote the co-edited documents into {DOC}")


if __name__ == "__main__":
    main()
