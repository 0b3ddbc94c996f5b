"""Socket.IO events of co-edited documents (docs/sync-protocol.md, "Co-edited documents").

"doc:join" {doc} → ack {ok, read_only} or {error}; "doc:message" (doc id, y-websocket
message) → ack {ok} or {error}; "doc:leave" {doc}. The connection itself was signed in
when it connected (server/syncing/events.py)."""
from __future__ import annotations

from flask import request
from flask_socketio import emit, join_room, leave_room

from server.accounts.auth import current_user_id
from server.docs import live, ordering
from server.extensions import db, socketio

ordering.install()  # a binary message's two packets are never split by another thread's


def _doc_of(message: object) -> object:
    return message.get("doc") if isinstance(message, dict) else None


@socketio.on("doc:join")
def on_join(message=None):
    doc_id, user_id, sid = _doc_of(message), current_user_id(), request.sid  # her session, checked again
    outcome = live.docs().join(db.session, sid, user_id, doc_id)
    if not outcome.ok:
        return outcome.ack
    # In the room before her SyncStep1 is answered (from the store): whatever another process
    # stores later is relayed to her, whatever it stored earlier is in that answer.
    join_room(live.room_of(doc_id))
    live.entered(sid, doc_id, user_id, outcome.ack["read_only"])
    for reply in outcome.to_sender:  # the server's SyncStep1 and the presence it knows
        emit("doc:message", (doc_id, reply))
    return outcome.ack


@socketio.on("doc:message")
def on_message(doc_id=None, payload=None):
    sid, docs = request.sid, live.docs()
    if isinstance(doc_id, str) and docs.member(sid, doc_id) and live.room_of(doc_id) not in socketio.server.rooms(sid):
        live.leave_here(sid, doc_id)  # another process took her access away (live.recheck)
        return docs.refusal("closed").ack
    outcome = docs.receive(db.session, sid, doc_id, payload)
    for reply in outcome.to_sender:
        emit("doc:message", (doc_id, reply))
    live.relay(doc_id, outcome, skip_sid=sid)  # type: ignore[arg-type]  (an outcome to relay has a str id)
    return outcome.ack


@socketio.on("doc:leave")
def on_leave(message=None):
    doc_id, sid = _doc_of(message), request.sid
    if isinstance(doc_id, str):
        leave_room(live.room_of(doc_id))
        live.leave_here(sid, doc_id)
        live.left(sid, doc_id)
    return {"ok": True}


def disconnected(sid: str) -> None:
    """Her connection went (server/syncing/events.py): she leaves every document she had open."""
    for doc_id in live.docs().joined(sid):
        live.leave_here(sid, doc_id)
    live.left(sid)
