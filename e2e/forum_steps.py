"""Steps of the forum tests, and a server of their own: they start threads,
categories and practices that other tests, which count the seed threads,
must not see. A test module takes it with `from e2e.forum_steps import own_server`."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.conftest import KragServer
from e2e.helpers import MATH, open_thread


@pytest.fixture(scope="module", name="server")
def own_server(tmp_path_factory):
    """This module's own server (overrides the session's `server`)."""
    srv = KragServer(tmp_path_factory.mktemp("krag-forum"))
    srv.start()
    yield srv
    srv.stop()


def start_thread(page, title: str, body: str, network: str = MATH):
    """From anywhere: a new thread in the network, and its screen open."""
    page.goto("/#/")
    page.get_by_test_id("my-network").filter(has_text=network).click()
    page.get_by_test_id("new-thread-open").click()
    page.get_by_test_id("new-thread-title").fill(title)
    page.get_by_test_id("new-thread-body").fill(body)
    page.get_by_test_id("new-thread-submit").click()
    expect(page.get_by_test_id("thread-heading")).to_have_text(title)
    expect(page.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)


def open_own_thread(page, title: str, network: str = MATH):
    """From anywhere into a thread, once it has arrived on this device."""
    page.goto("/#/")
    open_thread(page, title, network, timeout=30_000)
