"""Headers every answer carries (server/security.py): the app runs only its own scripts and styles,
in no one's frame, over HTTPS for a year once it is served so; and uploaded files never run."""
from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from server.config import REPO_ROOT
from tests.integration.files_helpers import attach, put
from tests.integration.test_files import _own_post

ANNA, JAN = "anna.nowak@example.org", "jan.kowalski@example.org"


def directives(answer) -> dict[str, str]:
    policy = answer.headers["Content-Security-Policy"]
    return {part.split()[0]: " ".join(part.split()[1:]) for part in policy.split(";") if part.strip()}


def test_every_answer_runs_only_the_apps_own_code_in_no_frame(app, demo, as_user):
    anna = as_user(ANNA)
    for answer in (app.test_client().get("/"), app.test_client().get("/sieci/x"), anna.http.get("/api/me"),
                   app.test_client().get("/api/me"), app.test_client().get("/auth/link/abc")):
        csp = directives(answer)
        assert csp["script-src"] == "'self'" and csp["style-src"] == "'self'"
        assert "unsafe" not in answer.headers["Content-Security-Policy"]
        assert csp["default-src"] == "'self'" and csp["object-src"] == "'none'" and csp["base-uri"] == "'none'"
        assert csp["frame-ancestors"] == "'none'" and csp["form-action"] == "'self'"
        # The live channel reaches this server only, not any host a script names.
        assert csp["connect-src"] == "'self' ws://127.0.0.1:5000"
        assert answer.headers["X-Frame-Options"] == "DENY"
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["Referrer-Policy"] in ("same-origin", "no-referrer")
        assert "Strict-Transport-Security" not in answer.headers  # plain HTTP: a browser would ignore it


def test_served_over_https_browsers_keep_to_https(app, demo):
    app.config["BASE_URL"] = "https://krag.poradnia.example"
    answer = app.test_client().get("/")
    assert answer.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert directives(answer)["connect-src"] == "'self' wss://krag.poradnia.example"
    assert app.test_client().get("/api/me").headers["Strict-Transport-Security"] == "max-age=31536000"


class _Inline(HTMLParser):
    """What in a page a CSP without 'unsafe-inline' would block."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style>")
        self.found += [f"{tag} {name}=" for name in names if name == "style" or name.startswith("on")]


@pytest.mark.parametrize("page", ["pwa/src/index.html", "pwa/dist/index.html"])
def test_the_app_shell_has_no_inline_script_or_style(page):
    path = Path(REPO_ROOT) / page
    if not path.exists():
        pytest.skip(f"{page} is not built (make install)")
    parser = _Inline()
    parser.feed(path.read_text())
    assert parser.found == []
    if page.startswith("pwa/dist"):
        assert re.search(r'<script type="module" src="/assets/[^"]+\.js"></script>', path.read_text())


def test_an_image_that_is_also_html_never_runs(app, demo, as_user):
    """A GIF whose bytes go on as an HTML page is kept as the GIF it starts as, and served so."""
    anna, jan = as_user(ANNA), as_user(JAN)
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (255, 0, 0)).save(out, "GIF")
    polyglot = out.getvalue() + b"<html><script>alert(document.cookie)</script></html>"
    attachment_id, result = attach(anna, polyglot, "strona.html", post_id=_own_post(anna))
    assert result["status"] == "applied"
    download = jan.http.get(f"/api/attachments/{attachment_id}")
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "image/gif"
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert download.headers["Content-Disposition"] == 'inline; filename=strona.html.gif'
    for refused in (b"<!doctype html><script>alert(1)</script>", b'<svg xmlns="http://www.w3.org/2000/svg"/>'):
        assert put(anna, refused).status_code == 415
