"""deploy/ as a Poradnia runs it, on loopback: Debian's nginx with deploy/nginx/krag.conf (TLS, the
two upstreams) in Debian's own nginx.conf, in front of two server processes started by the
command line of deploy/systemd/krag@.service, each reading deploy/krag.env, on one PostgreSQL and
one Redis. Through nginx: a push pokes live channels (a WebSocket and a long-polling one) held by
the other process, two people edit one document, and nginx neither limits nor compresses what
Krąg does itself.

nginx runs as an ordinary process (as nobody when the tests run as root) with its pid, logs and
temporary files in this run's folder. Without nginx the test is skipped; with CI=true it must run.
"""
from __future__ import annotations

import gzip
import os
import pwd
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
import socketio
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from server import migrate
from server.accounts import services
from server.db import normalize_url
from tests.databases import IN_CI, REDIS_URL, fresh_postgres, require_redis
from tests.integration.docs_client import PyEditor
from tests.integration.test_docs_node import new_notes, server_state
from tests.integration.test_scale_out import wait_until_listening
from tests.processes import ROOT, Person, ServerProcess, a_math_thread, krag, logs_on_failure
from tests.smtp import free_port

pytestmark = pytest.mark.pg

DEPLOY = ROOT / "deploy"
NGINX = "/usr/sbin/nginx"
DEBIAN_NGINX_CONF = Path("/etc/nginx/nginx.conf")
EXAMPLE_HOST = "krag.poradnia.example.pl"
# deploy/README.md's edits of Debian's nginx.conf: room for thousands of open apps (each is two connections).
NGINX_CONF_EDITS = {"worker_connections 768;": "worker_connections 4096;",
                    "worker_processes auto;": "worker_processes auto;\nworker_rlimit_nofile 8192;"}
WAIT = 15  # seconds: generous for a loaded 2-core machine; an event ends each wait early


def require_nginx() -> None:
    if os.access(NGINX, os.X_OK):
        return
    message = f"{NGINX} is missing (make test installs Debian's nginx)"
    if IN_CI:
        pytest.fail(f"CI=true and {message}: the nginx leg is mandatory.", pytrace=False)
    pytest.skip(f"{message}; apt-get install nginx to run this leg.")


def env_file() -> dict[str, str]:
    """deploy/krag.env as systemd's EnvironmentFile reads it."""
    lines = (DEPLOY / "krag.env").read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))
    return {name: value.removeprefix('"').removesuffix('"') for name, value in pairs}


def unit_command(port: int, run_dir: Path) -> list[str]:
    """krag@PORT.service's ExecStart, its programs from this venv and /run/ in this run's folder."""
    unit = (DEPLOY / "systemd" / "krag@.service").read_text().replace("\\\n", " ")
    line = re.search(r"^ExecStart=(.*)$", unit, re.M).group(1)
    line = line.replace("/opt/krag/.venv/bin/", f"{Path(sys.executable).parent}/").replace("/run/", f"{run_dir}/")
    return shlex.split(line.replace("%i", str(port)))


def replaced(text: str, edits: dict[str, str], what: str) -> str:
    for old, new in edits.items():
        assert old in text, f"{what} no longer says {old!r}: this test (and deploy/README.md) must follow"
        text = text.replace(old, new)
    return text


class UnitProcess(ServerProcess):
    """One server process as krag@PORT.service starts it."""

    def __init__(self, name: str, env: dict[str, str], tmp: Path):
        super().__init__(name, env, tmp, gunicorn=True)
        self.run_dir = tmp / "run"

    def command(self) -> list[str]:
        (self.run_dir / f"krag-{self.port}").mkdir(parents=True, exist_ok=True)  # systemd's RuntimeDirectory
        return unit_command(self.port, self.run_dir)

    def control_socket(self) -> Path:
        return self.run_dir / f"krag-{self.port}" / "gunicorn.ctl"


@dataclass
class Front:
    """nginx on https://127.0.0.1:PORT in front of a and b; what Person needs of a server."""

    url: str
    http_url: str
    ca: str
    env: dict[str, str]
    a: UnitProcess
    b: UnitProcess
    nginx_log: Path

    def login_link(self, email: str) -> str:
        """A one-time sign-in URL as `krag login-link` prints it, issued in this process (starting
        a `krag` costs seconds on a busy machine); she follows it through nginx."""
        engine = create_engine(normalize_url(self.env["KRAG_DATABASE_URL"]))
        try:
            with Session(engine) as session:
                token = services.issue_login_token(session, services.find_user_by_email(session, email), 15)
                session.commit()
        finally:
            engine.dispose()
        return f"{self.url}/auth/link/{token}"

    def person(self, email: str) -> Person:
        person = Person(self, email)  # type: ignore[arg-type]  (signs in through nginx)
        person.http.verify = self.ca  # python-socketio's WebSocket takes the CA from here
        return person

    def upstream(self, answer: requests.Response) -> UnitProcess:
        """Which process answered (nginx says so in this test's X-Krag-Upstream)."""
        address = answer.headers["X-Krag-Upstream"]
        return next(p for p in (self.a, self.b) if address == f"127.0.0.1:{p.port}")

    def log(self) -> str:
        try:
            return self.nginx_log.read_text(errors="replace")
        except OSError:
            return "(no log)"


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, standing in for certbot's."""
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    key.chmod(0o644)  # nginx's master reads it as whoever runs this test
    return cert, key


def render(folder: Path, https: int, http: int, a: int, b: int, cert: Path, key: Path) -> Path:
    """deploy/nginx/krag.conf for loopback, inside Debian's nginx.conf with deploy/README.md's edits;
    pid, logs and temporary files in ``folder``. The only addition: X-Krag-Upstream, whom it asked."""
    site = replaced((DEPLOY / "nginx" / "krag.conf").read_text(), {
        f"/etc/letsencrypt/live/{EXAMPLE_HOST}/fullchain.pem": str(cert),
        f"/etc/letsencrypt/live/{EXAMPLE_HOST}/privkey.pem": str(key),
        EXAMPLE_HOST: "127.0.0.1",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https} ssl http2;",
        "listen [::]:443 ssl http2;": "",
        "listen 80;": f"listen 127.0.0.1:{http};",
        "listen [::]:80;": "",
        "127.0.0.1:5001;": f"127.0.0.1:{a};",
        "127.0.0.1:5002;": f"127.0.0.1:{b};",
        "/var/www/html": str(folder / "acme"),
        "/var/log/nginx/": f"{folder}/",
        "ssl_session_timeout 1d;": "ssl_session_timeout 1d;\n    add_header X-Krag-Upstream $upstream_addr always;",
    }, "deploy/nginx/krag.conf")
    (folder / "krag.conf").write_text(site)
    temp = " ".join(f"{kind}_temp_path {folder}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    main = replaced(DEBIAN_NGINX_CONF.read_text(), NGINX_CONF_EDITS | {
        "user www-data;": "",
        "pid /run/nginx.pid;": f"pid {folder}/nginx.pid;",
        "error_log /var/log/nginx/error.log;": f"error_log {folder}/error.log;",
        "access_log /var/log/nginx/access.log;": f"access_log {folder}/access.log;",
        "include /etc/nginx/conf.d/*.conf;": "",  # this machine's own sites are not ours
        "include /etc/nginx/sites-enabled/*;": f"include {folder}/krag.conf;\n\t{temp}",
    }, str(DEBIAN_NGINX_CONF))
    (folder / "nginx.conf").write_text(main)
    return folder / "nginx.conf"


def start_nginx(conf: Path, folder: Path) -> subprocess.Popen:
    """nginx in the foreground as an ordinary user: this one, or nobody when the tests run as root."""
    as_root = os.geteuid() == 0
    nobody = pwd.getpwnam("nobody")
    if as_root:
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, nobody.pw_uid, nobody.pw_gid)
    command = [NGINX, "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log"), "-g", "daemon off;"]
    checked = subprocess.run(command + ["-t"], capture_output=True, text=True,
                             user=nobody.pw_uid if as_root else None, group=nobody.pw_gid if as_root else None)
    assert checked.returncode == 0, f"nginx -t refused deploy/'s configuration:\n{checked.stderr}"
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                            user=nobody.pw_uid if as_root else None, group=nobody.pw_gid if as_root else None)


@pytest.fixture(scope="module")
def front():
    require_nginx()
    require_redis()
    folder = Path(tempfile.mkdtemp(prefix="krag-deploy-"))  # under /tmp: nobody must reach it
    folder.chmod(0o755)
    nginx_dir = folder / "nginx"
    (nginx_dir / "acme").mkdir(parents=True)
    dist = folder / "dist"
    dist.mkdir()
    shell = "<!doctype html><title>Krąg</title>" + "<!-- the app shell -->" * 100
    (dist / "index.html").write_text(shell)
    (dist / "index.html.gz").write_bytes(gzip.compress(shell.encode()))  # as pwa/build.mjs writes it
    cert, key = certificate(nginx_dir)
    https, http = free_port(), free_port()
    url = f"https://127.0.0.1:{https}"
    saved = {name: os.environ.get(name) for name in ("REQUESTS_CA_BUNDLE", "WEBSOCKET_CLIENT_CA_BUNDLE")}
    os.environ.update(REQUESTS_CA_BUNDLE=str(cert), WEBSOCKET_CLIENT_CA_BUNDLE=str(cert))
    nginx = None
    with fresh_postgres() as database_url:
        # deploy/krag.env as it stands, but for what points at this machine's run.
        settings = {k: v for k, v in env_file().items() if k != "KRAG_MAIL_URL"} | {
            "KRAG_BASE_URL": url, "KRAG_DATABASE_URL": database_url, "KRAG_REDIS_URL": REDIS_URL,
            "KRAG_FILES_DIR": str(folder / "files"), "KRAG_INSTANCE_PATH": str(folder / "instance"),
            "KRAG_PWA_DIST": str(dist), "KRAG_RATELIMIT_PREFIX": f"krag-test-{uuid.uuid4().hex[:12]}"}
        env = {k: v for k, v in os.environ.items() if not k.startswith("KRAG_")} | settings
        migrate.upgrade(database_url)  # what krag-migrate.service does once: krag db upgrade
        a, b = UnitProcess("A", env, folder), UnitProcess("B", env, folder)
        for server in (a, b):
            server.env["KRAG_BASE_URL"] = url  # both are the one address people open
        try:
            for server in (a, b):
                server.start()
            krag(env, "seed-demo")  # while they boot
            nginx = start_nginx(render(nginx_dir, https, http, a.port, b.port, cert, key), nginx_dir)
            for server in (a, b):
                server.wait_healthy()
            site = Front(url, f"http://127.0.0.1:{http}", str(cert), env, a, b, nginx_dir / "error.log")
            with logs_on_failure(a, b):
                deadline = time.monotonic() + WAIT
                while True:
                    try:
                        if requests.get(f"{url}/healthz", timeout=2).status_code == 200:
                            break
                    except requests.ConnectionError:
                        pass
                    assert nginx.poll() is None, f"nginx exited: {site.log()}"
                    assert time.monotonic() < deadline, f"nginx did not answer: {site.log()}"
                    time.sleep(0.05)
            yield site
        finally:
            if nginx is not None:
                nginx.terminate()
                nginx.wait(timeout=10)
            for server in (a, b):
                if server.proc is not None and server.proc.poll() is None:
                    server.proc.send_signal(signal.SIGINT)  # both at once; stop() then waits for each
            for server in (a, b):
                server.stop()
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def people(front) -> tuple[Person, Person]:
    """Anna and Jan, signed in through nginx once for the module (each sign-in runs `krag login-link`)."""
    return front.person("anna.nowak@example.org"), front.person("jan.kowalski@example.org")


class Listener:
    """Jan's open app through nginx on one transport, counting the pokes of one scope."""

    def __init__(self, front: Front, person: Person, transport: str, scope: str):
        self.scope, self.pokes, self.changed = scope, 0, threading.Condition()
        self.socket = socketio.Client(http_session=person.http, reconnection=False)
        probed = threading.Event()
        self.socket.on("scale_out_probe", lambda _data: probed.set())
        self.socket.on("poke", self._poke)
        self.socket.connect(front.url, transports=[transport], wait_timeout=WAIT)
        assert self.socket.transport() == transport
        wait_until_listening(front.a, person.id, probed)  # its process hears Redis

    def _poke(self, data) -> None:
        with self.changed:
            self.pokes += data == {"scope": self.scope}
            self.changed.notify_all()

    def wait_for(self, count: int) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: self.pokes >= count, WAIT)


def test_a_push_through_nginx_pokes_open_apps_held_by_the_other_process(front, people):
    with logs_on_failure(front.a, front.b):
        anna, jan = people
        math, thread = a_math_thread(anna)
        # Every live channel from this address goes to one process (ip_hash); which one, nginx says.
        live = front.upstream(jan.http.get(f"{front.url}/socket.io/?EIO=4&transport=polling", timeout=WAIT))
        apps = [Listener(front, jan, transport, f"network:{math}") for transport in ("websocket", "polling")]
        try:
            body = None
            for pushes in range(1, 7):  # the API is spread by least_conn: until a push lands on the other one
                post = {"id": str(uuid.uuid4()), "thread_id": thread, "body": f"Przez nginx {pushes}"}
                answer = anna.http.post(f"{front.url}/api/sync/push", timeout=WAIT, json={
                    "client_id": anna.client_id, "mutations": [{"id": pushes, "name": "post.create", "args": post}]})
                assert answer.json()["results"] == [{"id": pushes, "status": "applied"}], answer.text[:300]
                for app in apps:  # each push pokes both of Jan's apps, wherever it landed
                    assert app.wait_for(pushes), f"push {pushes}: {app.pokes} pokes on {app.socket.transport()}"
                if front.upstream(answer) is not live:
                    body = post["body"]
                    break
            assert body, f"six pushes all landed on {live.name}, the live channels' process"
        finally:
            for app in apps:
                app.socket.disconnect()
        bodies = {r["data"]["body"] for r in jan.rows() if r["type"] == "post"}
        assert body in bodies


def test_two_people_edit_one_document_through_nginx(front, people):
    with logs_on_failure(front.a, front.b):
        anna, jan = people
        doc = new_notes(anna)
        editors = [PyEditor(front.url, person.http, doc) for person in (anna, jan)]  # polling, then a WebSocket
        try:
            assert [e.ack for e in editors] == [{"ok": True, "read_only": False}] * 2
            for i in range(5):  # both at once
                editors[0].insert(1, f"a{i} ")
                editors[1].insert(0, f"j{i} ")
            for editor in editors:
                editor.wait()
            _text, state_vector, _ = server_state(anna, doc)
            for editor in editors:
                editor.wait(state_vector)
            stored, _, _ = server_state(jan, doc)  # the HTTP fallback, on whichever process
            assert str(editors[0]) == str(editors[1]) == stored
            assert sorted(stored) == sorted("".join(f"{w}{i} " for w in "aj" for i in range(5)))
        finally:
            for editor in editors:
                editor.close()


def test_nginx_leaves_limits_compression_and_the_files_to_krag(front, people):
    with logs_on_failure(front.a, front.b):
        anna, _jan = people
        too_large = anna.http.post(f"{front.url}/api/sync/push", data=b"x" * (10 * 1024 * 1024 + 1), timeout=WAIT,
                                   headers={"Content-Type": "application/json"})
        assert too_large.status_code == 413 and too_large.json()["error"]["code"] == "too_large"  # Krąg's words

        shell = anna.http.get(f"{front.url}/", headers={"Accept-Encoding": "gzip"}, timeout=WAIT)
        assert shell.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in shell.headers["Vary"]
        assert shell.text.startswith("<!doctype html><title>Krąg</title>")  # the build's copy, coded once

        pulled = anna.http.get(f"{front.url}/api/sync/pull", params={"limit": 1000}, timeout=WAIT,
                               headers={"Accept-Encoding": "gzip"})
        assert pulled.headers["Content-Encoding"] == "gzip" and pulled.json()["changes"]

        plain = requests.get(f"{front.http_url}/api/me", allow_redirects=False, timeout=WAIT)
        assert plain.status_code == 301 and plain.headers["Location"] == "https://127.0.0.1/api/me"

        sockets = [server.control_socket() for server in (front.a, front.b)]
        assert all(s.exists() for s in sockets) and sockets[0] != sockets[1]  # one gunicornc socket each


def test_deploy_covers_every_setting_and_every_periodic_command():
    """Every KRAG_* the server reads is in deploy/krag.env; every command its help says to run from
    cron has a systemd timer running it."""
    code = "".join(p.read_text() for p in (ROOT / "server").rglob("*.py"))
    read = set(re.findall(r"""environ\.get\(\s*["'](KRAG_[A-Z_]+)["']""", code))
    assert {"KRAG_DATABASE_URL", "KRAG_SECRET_KEY", "KRAG_FILES_DIR", "KRAG_REDIS_URL"} <= read
    assert read - set(env_file()) == set()

    from server.cli import main

    units = DEPLOY / "systemd"
    runs = {re.search(r"^ExecStart=/opt/krag/.venv/bin/krag (.*)$", s.read_text(), re.M).group(1): s.stem
            for s in units.glob("krag-*.service") if "Type=oneshot" in s.read_text() and s.stem != "krag-migrate"}
    periodic = [name for name, command in main.commands.items() if "cron" in (command.help or "")]
    assert periodic
    for name in periodic:
        commands = [c for c in runs if c.split()[0] == name]
        assert commands, f"krag {name} says to run from cron but no deploy/systemd timer runs it"
        for command in commands:
            assert (units / f"{runs[command]}.timer").exists(), f"{runs[command]}.service has no timer"
    assert {"digest daily", "digest weekly"} <= set(runs)
    guide = (DEPLOY / "README.md").read_text()
    for edit in NGINX_CONF_EDITS.values():
        assert edit.split("\n")[-1] in guide, f"deploy/README.md should tell nginx.conf's edit {edit!r}"
