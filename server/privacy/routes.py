"""Her data as a zip: POST /api/me/export (hers), POST /api/people/<id>/export (a Poradnia admin,
on a person's request). A POST, not a GET: each download is written to the audit log, and a
GET changes nothing; the CSRF token also keeps another site from starting one."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, send_file
from marshmallow import ValidationError

from server.accounts import audit
from server.accounts.auth import by_account, current_user_id, login_required
from server.accounts.models import User
from server.db import utcnow
from server.errors import ApiError
from server.extensions import db, sync_engine
from server.fields import UUIDString
from server.privacy import export
from server.ratelimits import limiter

bp = Blueprint("privacy", __name__)
EXPORTS = "5 per hour"  # a zip of every file she sent is heavy; nobody needs it more often
EXPORTS_TOO_MANY = "Dane można pobrać najwyżej 5 razy na godzinę. Spróbuj ponownie później."
# Both routes count together, per account that asks.
exports = limiter.shared_limit(EXPORTS, scope="exports", key_func=by_account, error_message=EXPORTS_TOO_MANY)


@bp.post("/api/me/export")
@login_required
@exports
def my_data():
    return _download(current_user_id())


@bp.post("/api/people/<user_id>/export")
@login_required
@exports
def someones_data(user_id: str):
    me = db.session.get(User, current_user_id())
    if me is None or not (me.is_staff and me.is_admin):
        raise ApiError(403, "forbidden", "Dane innej osoby pobiera tylko administrator poradni, na jej prośbę.")
    try:
        user_id = UUIDString().deserialize(user_id)
    except ValidationError:  # not an id: no such person
        user_id = None
    return _download(user_id)


def _download(user_id: str | None):
    user = db.session.get(User, user_id) if user_id else None
    if user is None or user.deleted_at is not None:
        raise ApiError(404, "not_found", "Nie ma takiego konta.")
    engine = sync_engine()
    archive = export.zipped(db.session, engine.registry.serializers, user, Path(current_app.config["FILES_DIR"]))
    with engine.writing(db.session, current_user_id()) as ctx:
        audit.record(ctx, "account.exported", user.id)
    day = utcnow().date().isoformat()
    return send_file(archive, mimetype="application/zip", as_attachment=True, download_name=f"krag-dane-{day}.zip",
                     max_age=0)
