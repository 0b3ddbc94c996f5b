"""End-to-end fixtures: a real Krąg server on a free port with a fresh SQLite
database and the demo data, and Chromium driven by Playwright.

The server runs the built PWA from pwa/dist (`make install` builds it).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KRAG = str(Path(sys.executable).with_name("krag"))
from e2e.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, SHOTS, wait_until_controlled


def pytest_collection_modifyitems(items):
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class KragServer:
    """A running `krag run` and the CLI commands that go with its database."""

    def __init__(self, tmp: Path, dist: Path = ROOT / "pwa" / "dist"):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.instance = tmp / "instance"
        self.mail_dir = self.instance / "mail"  # no KRAG_MAIL_URL: letters are written here as .eml
        self.env = {
            k: v for k, v in os.environ.items() if not k.startswith("KRAG_")
        } | {
            "KRAG_DATABASE_URL": f"sqlite:///{tmp / 'krag.db'}",
            "KRAG_SECRET_KEY": "test",
            "KRAG_BASE_URL": self.url,
            "KRAG_PWA_DIST": str(dist),
            "KRAG_INSTANCE_PATH": str(self.instance),
        }
        self.log = open(tmp / "server.log", "wb")
        self.proc: subprocess.Popen | None = None

    def cli(self, *args: str) -> str:
        out = subprocess.run(
            [KRAG, *args], env=self.env, cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        if out.returncode:
            raise RuntimeError(f"krag {' '.join(args)} failed:\n{out.stdout}\n{out.stderr}")
        return out.stdout

    def start(self) -> None:
        self.cli("db", "upgrade")
        self.cli("seed-demo")
        self.proc = subprocess.Popen(
            [KRAG, "run", "--port", str(self.port)],
            env=self.env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)  # polling interval while the server boots, not a wait for a result
        raise RuntimeError("server did not answer /healthz within 60 s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()

    def login_link(self, email: str) -> str:
        """A one-time sign-in URL, as the e-mail would carry it."""
        lines = [ln for ln in self.cli("login-link", email).splitlines() if ln.startswith("http")]
        return lines[-1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    if not (ROOT / "pwa" / "dist" / "index.html").exists():
        pytest.fail("pwa/dist is not built: run `make install` (or `cd pwa && npm ci && npm run build`)")
    srv = KragServer(tmp_path_factory.mktemp("krag-e2e"))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def playwright_instance():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance):
    b = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield b
    b.close()


@pytest.fixture
def new_context(browser, server):
    """``new_context(**opts)`` → a fresh browser profile as a 360 px phone, in Polish."""
    made = []

    def make(**opts):
        options = {"viewport": PHONE, "locale": "pl-PL", "base_url": server.url} | opts
        ctx = browser.new_context(**options)
        ctx.set_default_timeout(15_000)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def sign_in(server):
    """``sign_in(page, email)``: follow a sign-in link and wait for the home screen."""
    from playwright.sync_api import expect

    def do(page, email: str):
        page.goto(server.login_link(email))
        expect(page.get_by_test_id("my-network").first).to_be_visible()
        # The first visit installs the service worker; offline tests need it in control.
        wait_until_controlled(page)
        expect(page.get_by_test_id("sync-last")).to_contain_text("Ostatnia synchronizacja")
        return page

    return do


@pytest.fixture(scope="session")
def shots():
    """Where screenshots go (outside the repository)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS

