"""GET /api/openapi.json: the HTTP API's description, for anyone (it holds no one's data)."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify

from server.openapi.spec import describe

bp = Blueprint("openapi", __name__)


@bp.get("/api/openapi.json")
def description():
    described = current_app.extensions.get("openapi")
    if described is None:  # made once per app: routes and mutators do not change while it runs
        described = current_app.extensions["openapi"] = describe(current_app)
    return jsonify(described)
