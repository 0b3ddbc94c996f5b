"""Older pages of a thread, fetched on demand by a device that keeps only recent history;
a network's forum exported as one JSON file."""
from __future__ import annotations

from uuid import UUID

from flask import Blueprint, jsonify, request
from marshmallow import EXCLUDE, fields, validate

from server.accounts.auth import current_user_id, login_required
from server.errors import ApiError
from server.extensions import db, sync_engine
from server.fields import Input
from server.forum import export, pages

bp = Blueprint("forum", __name__)


class OlderIn(Input):
    class Meta:
        unknown = EXCLUDE

    before = fields.AwareDateTime(load_default=None)
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))


older_in = OlderIn()


@bp.get("/api/threads/<uuid:thread_id>/posts")  # only a whole UUID names a thread: anything else is a 404
@login_required
def older_posts(thread_id: UUID):
    """Posts of a thread older than ``before``, newest first, as pull-shaped changes (forum/pages.py)."""
    args, thread_id = older_in.load(request.args), str(thread_id)
    db.read_only()
    page = pages.older(db.session, sync_engine().registry, thread_id, current_user_id(), args["before"], args["limit"])
    db.session.rollback()
    if page is None:
        raise ApiError(404, "not_found", "Nie ma takiego wątku albo nie należysz do tej sieci.")
    return jsonify(page)


@bp.get("/api/networks/<uuid:network_id>/export")
@login_required
def export_network(network_id: UUID):
    network_id = str(network_id)
    body = export.for_member(db.session, network_id, current_user_id())
    if body is None:
        raise ApiError(404, "not_found", "Nie ma takiej sieci albo nie należysz do niej.")
    response = jsonify(body)
    response.headers["Content-Disposition"] = f'attachment; filename="siec-{network_id}.json"'
    return response
