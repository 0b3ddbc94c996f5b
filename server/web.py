"""The PWA's files, the app-shell fallback, and the health check."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, jsonify, send_from_directory
from sqlalchemy import text

from server.errors import ApiError
from server.extensions import db

bp = Blueprint("web", __name__)

# Paths that are never the app shell: an unknown one is a JSON 404.
_NOT_SHELL = ("api/", "auth/", "socket.io/")


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
    if path.startswith(_NOT_SHELL):
        raise ApiError(404, "not_found", "Nie znaleziono.")
    if not (dist / "index.html").exists():
        raise ApiError(503, "pwa_not_built", "Aplikacja nie jest zbudowana: uruchom `make install`.")
    if path and (dist / path).is_file():
        response = send_from_directory(dist, path, max_age=_max_age(path))
    else:
        response = send_from_directory(dist, "index.html", max_age=0)
    if path in ("", "index.html", "sw.js") or not (dist / path).is_file():
        response.headers["Cache-Control"] = "no-cache"
    return response


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
