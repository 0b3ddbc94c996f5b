"""End-to-end fixtures: a real Krąg server on a free port with a fresh SQLite
database and the demo data, and Chromium driven by Playwright.

Every test gets a server of its own (a copy of one seeded database), so no test
sees what another wrote and the suite passes in any order and any subset.
The server runs the built PWA from pwa/dist (`make install` builds it).
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from e2e.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, SHOTS, wait_until_controlled
from tests.processes import ROOT, ServerProcess, krag, krag_env


def pytest_collection_modifyitems(items):
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


class KragServer(ServerProcess):
    """`krag run` on a fresh SQLite database with the demo data, serving the built PWA."""

    def __init__(self, tmp: Path, dist: Path = ROOT / "pwa" / "dist", seeded: Path | None = None):
        self.database = tmp / "krag.db"
        self.instance = tmp / "instance"
        self.mail_dir = self.instance / "mail"  # no KRAG_MAIL_URL: letters are written here as .eml
        self.seeded = seeded
        env = krag_env(DATABASE_URL=f"sqlite:///{self.database}", SECRET_KEY="test", PWA_DIST=str(dist),
                       INSTANCE_PATH=str(self.instance))
        super().__init__("e2e", env, tmp)

    def cli(self, *args: str) -> str:
        return krag(self.env, *args)

    def prepare(self) -> None:
        """The demo data: copied from `seeded` (another KragServer's directory) or made here."""
        if self.seeded is None:
            self.cli("db", "upgrade")
            self.cli("seed-demo")
            return
        # sqlite's backup takes what the seeding left in its write-ahead log too
        with sqlite3.connect(self.seeded / "krag.db") as source, sqlite3.connect(self.database) as copy:
            source.backup(copy)
        if (self.seeded / "instance").exists():
            shutil.copytree(self.seeded / "instance", self.instance)

    def start(self) -> None:
        self.prepare()
        super().start()
        self.wait_healthy()


@pytest.fixture(scope="session")
def seeded(tmp_path_factory) -> Path:
    """One migrated database with the demo data, made once; each test's server starts from a copy."""
    if not (ROOT / "pwa" / "dist" / "index.html").exists():
        pytest.fail("pwa/dist is not built: run `make install` (or `cd pwa && npm ci && npm run build`)")
    made = KragServer(tmp_path_factory.mktemp("krag-seeded"))
    made.prepare()
    return made.database.parent


@pytest.fixture
def server(tmp_path, seeded):
    """This test's own server: what another test wrote is not here."""
    (tmp_path / "server").mkdir()
    srv = KragServer(tmp_path / "server", seeded=seeded)
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
    """``sign_in(page, email)``: open a sign-in link, tap "Zaloguj się" on its screen and wait
    for the home screen."""
    from playwright.sync_api import expect

    def do(page, email: str):
        page.goto(server.login_link(email))
        page.get_by_test_id("signin-link-go").click()
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

