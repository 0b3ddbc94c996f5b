"""A new version of the app: the page says "Dostępna nowa wersja — odśwież", and
reloading puts the new service worker in charge with the old caches cleaned."""
from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from e2e.browser import wait_until_controlled
from e2e.conftest import ROOT, KragServer


@pytest.fixture
def own_server(tmp_path, seeded):
    """A server of its own, serving a copy of dist/ that the test can change."""
    dist = tmp_path / "dist"
    shutil.copytree(ROOT / "pwa" / "dist", dist)
    srv = KragServer(tmp_path, dist=dist, seeded=seeded)
    srv.start()
    yield srv, dist
    srv.stop()


def test_waiting_update_is_offered_and_applied(new_context, own_server):
    srv, dist = own_server
    context = new_context(base_url=srv.url)
    page = context.new_page()
    page.goto("/")
    expect(page.get_by_test_id("signin")).to_be_visible()
    wait_until_controlled(page)
    first = page.evaluate("navigator.serviceWorker.controller.scriptURL")

    # Deploy a new version: a changed index.html changes the precache manifest in sw.js.
    index = (dist / "index.html").read_text()
    (dist / "index.html").write_text(index.replace("</head>", '<meta name="version" content="2">\n</head>'))
    sw = (dist / "sw.js").read_text()
    # As a build would: index.html gets a new revision in the precache manifest.
    sw, found = re.subn(r'(url:"index\.html",revision:")[0-9a-f]+"', r'\g<1>0000000000000000000000000000000a"', sw)
    assert found == 1, "precache entry of index.html not found in sw.js"
    (dist / "sw.js").write_text(sw)

    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    update = page.get_by_test_id("sw-update")
    expect(update).to_contain_text("Dostępna nowa wersja — odśwież", timeout=30_000)

    with page.expect_navigation():
        update.get_by_test_id("sw-reload").click()
    expect(page.get_by_test_id("signin")).to_be_visible()
    wait_until_controlled(page)
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == first  # same URL, new worker
    expect(page.get_by_test_id("sw-update")).to_have_count(0)
    expect(page.locator('meta[name="version"]')).to_have_attribute("content", "2")  # the new shell
    caches = page.evaluate("caches.keys()")
    assert caches and all(name.startswith("krag-") for name in caches), caches
    # The new worker's activate dropped the old version's copy of the shell.
    shells = page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
        }
        return urls.filter(u => u.includes('index.html'));
    }""")
    assert len(shells) == 1, shells
