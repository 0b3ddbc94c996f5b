"""The PWA's files (compressed copies by Accept-Encoding), the app-shell fallback, and the health check."""
from __future__ import annotations

import mimetypes
from pathlib import Path

from flask import Blueprint, current_app, jsonify, request, send_from_directory
from sqlalchemy import text

from server.compression import accepted
from server.errors import ApiError
from server.extensions import db

bp = Blueprint("web", __name__)

# Paths that are never the app shell: an unknown one is a JSON 404.
_NOT_SHELL = ("api/", "auth/", "socket.io/")
# The copies pwa/build.mjs writes beside a file, by the coding they hold, best first.
COPIES = {"br": ".br", "gzip": ".gz"}
_COPY_GRACE_S = 2.0
# The build's paths are short, and the app's own screens live after the '#'.
_LONGEST_PATH = 1024


@bp.before_app_request
def _names_nothing():
    """A NUL in the path (%00) is in no id Krąg makes, and PostgreSQL refuses it in a query (a
    500 on every route that looks an id from the path up): no such thing, whichever route."""
    if "\x00" in request.path:
        raise ApiError(404, "not_found", "Nie znaleziono.")


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:
        return jsonify({"error": {"code": "unavailable", "message": "Baza danych nie odpowiada."}}), 503
    finally:
        db.session.rollback()
    return jsonify({"status": "ok"})


@bp.get("/", defaults={"path": ""})
@bp.get("/<path:path>")
def shell(path: str):
    dist = Path(current_app.config["PWA_DIST"])
    if path.startswith(_NOT_SHELL) or len(path) > _LONGEST_PATH:
        raise ApiError(404, "not_found", "Nie znaleziono.")
    if not (dist / "index.html").exists():
        raise ApiError(503, "pwa_not_built", "Aplikacja nie jest zbudowana: uruchom `make install`.")
    is_file = bool(path) and _is_file(dist / path) and not path.endswith(tuple(COPIES.values()))
    response = _send(dist, path, _max_age(path)) if is_file else _send(dist, "index.html", 0)
    if path in ("", "index.html", "sw.js") or not is_file:
        response.headers["Cache-Control"] = "no-cache"
    return response


def _is_file(file: Path) -> bool:
    """A path the disk cannot even name (a segment over 255 bytes, 4 KB in all) is none of the build's."""
    try:
        return file.is_file()
    except OSError:
        raise ApiError(404, "not_found", "Nie znaleziono.")


def _send(dist: Path, path: str, max_age: int):
    """``path`` as the build wrote it, or its copy in the best coding the request accepts.
    Each copy is its own file, so its Content-Length and ETag are its own and a 304 holds
    per coding. A Range request gets the plain file: its offsets mean the bytes she knows."""
    offered = tuple(coding for coding, suffix in COPIES.items() if _fresh(dist / path, suffix))
    coding = None
    if offered and "Range" not in request.headers:
        coding = accepted(request.headers.get("Accept-Encoding"), offered)
    # The file's own type and name: from "app.js.br" werkzeug would guess an encoding too.
    mimetype = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = send_from_directory(dist, path + COPIES[coding] if coding else path, mimetype=mimetype,
                                   download_name=Path(path).name, max_age=max_age)
    if offered:
        response.vary.add("Accept-Encoding")
    if coding:
        response.headers["Content-Encoding"] = coding
    return response


def _fresh(file: Path, suffix: str) -> bool:
    """A copy counts only if it is not older than its file: one edited after the build
    (as a hand fix, or e2e/test_update's new version) is sent as it is now. A few seconds'
    grace, since a copy made without keeping times (`cp -r`) may land before its file."""
    copy = file.with_name(file.name + suffix)
    try:
        return copy.stat().st_mtime >= file.stat().st_mtime - _COPY_GRACE_S
    except OSError:
        return False


def _max_age(path: str) -> int:
    # Bundles under assets/ carry a content hash in their names.
    return 31536000 if path.startswith("assets/") else 0


def link_page():
    """The app shell for a one-time link from a letter (/auth/link/…, /auth/invite/…):
    the app shows the link's screen, whose button does what the link promises. Nothing
    here changes anything, so a mail scanner's HEAD or GET uses nothing up."""
    response = shell("")
    response.headers["Cache-Control"] = "no-store"  # the token is in the address: keep no copy
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex"
    return response
