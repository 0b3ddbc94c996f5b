"""POST /api/docs/<doc id>/sync: co-editing without a live connection; GET a named version's
bytes (docs/sync-protocol.md)."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, request
from sync.docs import UnknownDoc

from server.accounts.auth import current_user_id, login_required
from server.docs import live
from server.docs.models import DocVersion
from server.docs.schemas import encoded, sync_in
from server.errors import ApiError
from server.extensions import db

bp = Blueprint("docs", __name__)
STATUS = {"invalid": 400, "forbidden": 403, "read_only": 403, "unavailable": 503}
NO_VERSION = "Nie ma takiej wersji tego dokumentu."


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


@bp.get("/api/docs/<path:doc_id>/versions/<version_id>")
@login_required
def version(doc_id: str, version_id: str):
    """The version's whole document as one Yjs update (Y.applyUpdate it to an empty Y.Doc)."""
    try:
        access = live.docs().access(db.session, current_user_id(), doc_id)
    except UnknownDoc:
        raise ApiError(404, "not_found", NO_VERSION) from None
    if access is None:
        raise ApiError(403, "forbidden", live.docs().messages["forbidden"])
    db.read_only()
    found = db.session.get(DocVersion, version_id)
    if found is None or found.doc_id != doc_id:
        db.session.rollback()
        raise ApiError(404, "not_found", NO_VERSION)
    body = found.state
    db.session.rollback()
    response = Response(body, content_type="application/octet-stream")
    # A version never changes; who may read it can, so only her browser keeps it, and asks again.
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["ETag"] = f'"{version_id}"'
    return response
