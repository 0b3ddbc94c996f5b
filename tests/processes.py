"""Real Krąg processes for tests: `krag` commands, a server on a free port (`krag run`
or gunicorn), its log, and people signed in to it over HTTP."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import requests

from tests.smtp import free_port

ROOT = Path(__file__).resolve().parent.parent
KRAG = str(Path(sys.executable).with_name("krag"))
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
# README's production recipe, but for its --bind (test_production_server checks README says it).
RECIPE = ("--worker-class", "gevent", "--workers", "1", "--worker-connections", "2000", "--keep-alive", "75")


def krag_env(**settings: str) -> dict[str, str]:
    """This process's environment without any KRAG_* of its own, plus ``settings`` (``DATABASE_URL=…``).
    Rate-limit counts get a prefix of their own unless told (a server under test shares Redis with
    every run before it: their sign-ins from 127.0.0.1 must not count against this one)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KRAG_")}
    settings = {"RATELIMIT_PREFIX": f"krag-test-{uuid.uuid4().hex[:12]}"} | settings
    return env | {f"KRAG_{name}": value for name, value in settings.items()}


def krag(env: dict[str, str], *args: str, timeout: float = 120) -> str:
    """Run a `krag` command; return what it printed, or raise with its output."""
    done = subprocess.run([KRAG, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if done.returncode:
        raise RuntimeError(f"krag {' '.join(args)} exited with {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done.stdout


class ServerProcess:
    """One `krag run --port P` (or, with ``gunicorn``, the production server; ``worker``
    tells gunicorn how to run it otherwise), its output in a log file."""

    def __init__(self, name: str, env: dict[str, str], log_dir: Path, gunicorn: bool = False,
                 worker: tuple[str, ...] = RECIPE):
        self.name = name
        self.gunicorn = gunicorn
        self.worker = worker
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = env | {"KRAG_BASE_URL": self.url}
        self.log_path = log_dir / f"server-{name}.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(self.command(), env=self.env, cwd=ROOT, stdout=log,
                                         stderr=subprocess.STDOUT)

    def command(self) -> list[str]:
        if self.gunicorn:  # as README says a Poradnia runs it
            return [GUNICORN, *self.worker, "--bind", f"127.0.0.1:{self.port}",
                    "--no-control-socket",  # one per user by default: two test runs would share it
                    "server.wsgi:app"]
        return [KRAG, "run", "--port", str(self.port)]

    def wait_healthy(self, timeout: float = 60) -> None:
        """Poll /healthz until it answers 200; fail at once if the process exits."""
        assert self.proc is not None, "start() first"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            try:  # the pause between polls doubles as a watch on the process
                code = self.proc.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                continue
            raise RuntimeError(f"server {self.name} exited with {code}:\n{self.log()}")
        raise RuntimeError(f"server {self.name} did not answer /healthz within {timeout:.0f} s:\n{self.log()}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        if self.gunicorn:  # a quick shutdown: a graceful one waits out open channels and keep-alives
            self.proc.send_signal(signal.SIGINT)
        else:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def kill(self) -> None:
        """SIGKILL, as the OOM killer or a power cut would: gunicorn's master first (so it starts no
        new worker), then its workers; nothing of the server gets to finish what it was doing."""
        assert self.proc is not None and self.proc.poll() is None, "not running"
        children = [int(pid) for task in Path(f"/proc/{self.proc.pid}/task").iterdir()
                    for pid in (task / "children").read_text().split()]
        self.proc.kill()
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait(timeout=10)
        for pid in children:  # gone (an orphan's zombie is reaped by init)
            deadline = time.monotonic() + 10
            while Path(f"/proc/{pid}").exists() and "State:\tZ" not in _status(pid):
                assert time.monotonic() < deadline, f"process {pid} of server {self.name} outlived SIGKILL"
                time.sleep(0.02)

    def login_link(self, email: str) -> str:
        """A one-time sign-in URL, as the e-mail would carry it."""
        return [line for line in krag(self.env, "login-link", email).splitlines() if line.startswith("http")][-1]

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"


def _status(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "State:\tZ"  # gone meanwhile


@contextmanager
def logs_on_failure(*servers: ServerProcess) -> Iterator[None]:
    """Print the servers' logs when the block fails: pytest shows them with the failure."""
    try:
        yield
    except BaseException:
        for server in servers:
            print(f"----- server {server.name} ({server.url}), {server.log_path} -----\n{server.log()}")
        raise


class Person:
    """Someone signed in on one server with a plain HTTP session, as a browser would be."""

    def __init__(self, server: ServerProcess, email: str):
        self.server = server
        link = server.login_link(email)
        assert link.startswith(f"{server.url}/auth/link/"), link
        self.http = requests.Session()
        token = link.rsplit("/", 1)[1]  # the link's screen posts its token, as its button does
        followed = self.http.post(f"{server.url}/api/auth/link", json={"token": token}, timeout=10)
        assert followed.status_code == 200 and "krag_session" in self.http.cookies, followed.text[:300]
        me = followed.json()
        self.id = me["user"]["id"]
        self.http.headers["X-CSRF-Token"] = me["csrf_token"]
        self.client_id = str(uuid.uuid4())

    def push(self, *mutations: tuple[str, dict]) -> dict:
        batch = [{"id": i, "name": name, "args": args} for i, (name, args) in enumerate(mutations, start=1)]
        answer = self.http.post(f"{self.server.url}/api/sync/push",
                                json={"client_id": self.client_id, "mutations": batch}, timeout=30)
        assert answer.status_code == 200, answer.text[:500]
        return answer.json()

    def rows(self) -> list[dict]:
        """Every row this person may see, pulled page by page as the PWA does."""
        rows, cursor, more = [], None, True
        while more:
            params = {"limit": 1000} | ({"cursor": cursor} if cursor else {})
            answer = self.http.get(f"{self.server.url}/api/sync/pull", params=params, timeout=30)
            assert answer.status_code == 200, answer.text[:500]
            body = answer.json()
            rows += [change for change in body["changes"] if change["op"] == "put"]
            cursor, more = body["cursor"], body["more"]
        return rows


def a_math_thread(person: Person) -> tuple[str, str]:
    """The demo's mathematicians' network and one of its threads, as ``person`` pulls them."""
    from tests.integration.forum_helpers import MATH

    seen = person.rows()
    math = next(r["id"] for r in seen if r["type"] == "network" and r["data"]["name"] == MATH)
    return math, next(r["id"] for r in seen if r["type"] == "thread" and r["data"]["network_id"] == math)


@contextmanager
def demo_server(tmp: Path, name: str, emails: tuple[str, ...], database_url: str | None = None,
                **settings: str) -> Iterator[ServerProcess]:
    """`krag run` on a database (a SQLite file unless told) with the demo, migrated and seeded in this
    process (each `krag` command costs a start of its own), with a one-time sign-in token for each of
    ``emails`` in ``server.tokens``; ``settings`` as for :func:`krag_env`."""
    from server import demo, migrate
    from server.accounts import services
    from server.app import create_app
    from server.extensions import db

    dist = tmp / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>Krąg</title>")
    url, secret = database_url or f"sqlite:///{tmp / 'krag.db'}", f"{name}-test-secret"
    migrate.upgrade(url)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": secret, "PWA_DIST": str(dist), "MAIL_DIR": str(tmp / "mail")})
    with app.app_context():
        demo.seed(db.session)
        tokens = {email: services.issue_login_token(db.session, services.find_user_by_email(db.session, email), 15)
                  for email in emails}
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    env = krag_env(INSTANCE_PATH=str(tmp / "instance"), PWA_DIST=str(dist), SECRET_KEY=secret, DATABASE_URL=url,
                   **settings)
    server = ServerProcess(name, env, tmp)
    server.tokens = tokens  # type: ignore[attr-defined]
    server.start()
    try:
        server.wait_healthy()
        yield server
    finally:
        server.stop()


def signed_in(server: ServerProcess, email: str) -> requests.Session:
    """Her browser after the e-mailed link's button (a token from :func:`demo_server`): the session
    cookie, and the CSRF token her writes carry."""
    http = requests.Session()
    me = http.post(f"{server.url}/api/auth/link", json={"token": server.tokens[email]}, timeout=10)  # type: ignore[attr-defined]
    assert me.status_code == 200, me.text[:300]
    http.headers["X-CSRF-Token"] = me.json()["csrf_token"]
    return http
