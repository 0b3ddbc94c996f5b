"""POST /api/docs/<doc id>/sync: co-editing without a live connection (docs/sync-protocol.md)."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from server.accounts.auth import current_user_id, login_required
from server.docs import live
from server.docs.schemas import encoded, sync_in
from server.errors import ApiError
from server.extensions import db

bp = Blueprint("docs", __name__)
STATUS = {"invalid": 400, "forbidden": 403, "read_only": 403, "unavailable": 503}


@bp.post("/api/docs/<path:doc_id>/sync")
@login_required
def sync(doc_id: str):
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", "Oczekiwano obiektu JSON.")
    args = sync_in.load(body)
    outcome, answer = live.docs().exchange(db.session, current_user_id(), doc_id, args["state_vector"],
                                           args["updates"])
    if answer is None:
        error = outcome.ack["error"]
        raise ApiError(STATUS[error["code"]], error["code"], error["message"])
    live.relay(doc_id, outcome)  # her offline work reaches those editing it live
    return jsonify({"update": encoded(answer["update"]), "state_vector": encoded(answer["state_vector"]),
                    "read_only": answer["read_only"]})
