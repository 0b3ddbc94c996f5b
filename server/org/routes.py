"""The Poradnia's logo (public, so the sign-in screen can show it) and the staff dashboard."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, jsonify, send_file

from server.accounts import services as accounts
from server.accounts.auth import current_user_id, login_required
from server.errors import ApiError
from server.extensions import db
from server.files import store
from server.files.routes import FILE_HEADERS
from server.org import dashboard, services

bp = Blueprint("org", __name__)


@bp.get("/api/poradnia/logo")
def logo():
    db.read_only()  # a public GET: it must not take SQLite's write lock
    stored = services.logo(db.session)
    db.session.rollback()
    if stored is None:
        raise ApiError(404, "not_found", "Poradnia nie ma logo.")
    # The thumbnail (at most 480 px) is plenty for a header and saves a phone's data. Every logo
    # has one: poradnia.update takes only images, and every stored image gets its thumbnail.
    path = store.thumbnail_path(Path(current_app.config["FILES_DIR"]), stored.sha256)
    response = send_file(path, mimetype="image/jpeg", etag=stored.sha256, conditional=True, max_age=None)
    # Revalidated each time (ETag): a removed or replaced logo must not linger on sign-in screens.
    response.headers.update(FILE_HEADERS | {"Cache-Control": "public, no-cache"})
    return response


@bp.get("/api/staff/dashboard")
@login_required
def staff_dashboard():
    if not accounts.is_staff(db.session, current_user_id()):
        raise ApiError(403, "forbidden", "Panel jest dostępny tylko dla pracowników poradni.")
    return jsonify(dashboard.summary(db.session))
