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
