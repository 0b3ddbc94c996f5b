"""POST /api/sync/push and GET /api/sync/pull."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, request
from sync.errors import BadCursor, ClientNotYours
from sync.pull import encode as encode_pull

from server.accounts.auth import by_account, current_user_id, login_required
from server.errors import ApiError, error_body
from server.extensions import db
from server.ratelimits import PUSHES, limiter
from server.syncing.engine import engine
from server.syncing.schemas import pull_in, push_in

bp = Blueprint("sync", __name__, url_prefix="/api/sync")


@bp.post("/push")
@login_required
@limiter.limit(PUSHES, key_func=by_account)
def push():
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", "Oczekiwano obiektu JSON.")
    data = push_in.load(body)
    client_id = str(data["client_id"])
    try:
        outcome = engine.push(db.session, current_user_id(), client_id, data["mutations"])
    except ClientNotYours:
        raise ApiError(403, "client_not_yours", "Ten identyfikator urządzenia należy do innego konta.")
    answer = {"results": outcome.results, "last_mutation_id": outcome.last_mutation_id}
    if outcome.gap:
        expected = outcome.last_mutation_id + 1
        gap = error_body("mutation_gap", f"Brakuje operacji: serwer oczekuje numeru {expected}.")
        return jsonify(gap | answer), 409
    return jsonify(answer)


@bp.get("/pull")
@login_required
def pull():
    args = pull_in.load(request.args)
    try:
        body = engine.pull(db.session, current_user_id(), args["cursor"], args["limit"], args["window_days"], raw=True,
                           keep_all=args["keep_all"])
        return Response(encode_pull(body), mimetype="application/json")
    except BadCursor:
        raise ApiError(400, "invalid_request", "Nieznany kursor synchronizacji.", {"cursor": ["Nieznany kursor."]})
