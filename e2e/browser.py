"""How the e2e tests run Chromium: the system's browser, never a downloaded one."""
from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}  # a cheap Android phone
SHOTS = Path(os.environ.get("KRAG_SHOTS", "/tmp/shots"))  # screenshots stay out of the repo


def wait_until_controlled(page) -> None:
    """Until a service worker serves the page: the app marks <html data-sw="controlled">.
    (wait_for_function would evaluate a string, which the app's CSP forbids.)"""
    from playwright.sync_api import expect

    expect(page.locator("html[data-sw='controlled']")).to_have_count(1, timeout=30_000)
