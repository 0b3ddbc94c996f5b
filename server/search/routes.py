"""GET /api/search: what the user may see (search/query.py)."""
from __future__ import annotations

from flask import Blueprint, jsonify, request
from marshmallow import EXCLUDE, fields, validate

from server.accounts.auth import by_account, current_user_id, login_required
from server.extensions import db, sync_engine
from server.fields import Input, Text, UUIDString
from server.ratelimits import SEARCHES, limiter
from server.search import query

bp = Blueprint("search", __name__)


class SearchIn(Input):
    class Meta:
        unknown = EXCLUDE

    q = Text(required=True, validate=validate.Length(min=1, max=200))
    network_id = UUIDString(load_default=None)
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=50))


search_in = SearchIn()


@bp.get("/api/search")
@login_required
@limiter.limit(SEARCHES, key_func=by_account)
def search():
    args = search_in.load(request.args)
    db.read_only()
    results = query.find(db.session, sync_engine().registry, current_user_id(), args["q"], args["network_id"],
                         args["limit"])
    db.session.rollback()
    return jsonify({"results": results})
