"""End-to-end fixtures: a real Krąg server on a free port with a fresh SQLite
database and the demo data, and Chromium driven by Playwright.

The server runs the built PWA from pwa/dist (`make install` builds it).
"""
from __future__ import annotations

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

    def __init__(self, tmp: Path, dist: Path = ROOT / "pwa" / "dist"):
        self.instance = tmp / "instance"
        self.mail_dir = self.instance / "mail"  # no KRAG_MAIL_URL: letters are written here as .eml
        env = krag_env(DATABASE_URL=f"sqlite:///{tmp / 'krag.db'}", SECRET_KEY="test", PWA_DIST=str(dist),
                       INSTANCE_PATH=str(self.instance))
        super().__init__("e2e", env, tmp)

    def cli(self, *args: str) -> str:
        return krag(self.env, *args)

    def start(self) -> None:
        self.cli("db", "upgrade")
        self.cli("seed-demo")
        super().start()
        self.wait_healthy()


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

