"""This process's open documents (one ``Docs`` per app), and sending what they answer over
Socket.IO: to the sender, and to the document's room (``doc:<doc id>``) in every process
(with Redis, Flask-SocketIO's message queue carries it). Which connection is in which
document is also kept in ``doc_presence``, so that taking her access away in one process
closes her rooms wherever they are held."""
from __future__ import annotations

import threading

from flask import current_app
from sqlalchemy import delete, select
from sync.docs import Docs, DocStore, Outcome, UnknownDoc
from sync.docs.rooms import COMPACT_AFTER

from server.docs.messages import DOCS
from server.docs.models import DocPresence
from server.extensions import db, socketio, sync_engine

_made = threading.Lock()


def docs() -> Docs:
    extensions = current_app.extensions
    if "krag_docs" not in extensions:
        with _made:
            if "krag_docs" not in extensions:
                extensions["krag_docs"] = Docs(DocStore(), sync_engine().registry.docs, messages=DOCS,
                                               compact_after=current_app.config.get("DOC_COMPACT_AFTER", COMPACT_AFTER))
    return extensions["krag_docs"]


def room_of(doc_id: str) -> str:
    return f"doc:{doc_id}"


def relay(doc_id: str, outcome: Outcome, skip_sid: str | None = None) -> None:
    """What an outcome sends to the others in the room; then the compaction it made due."""
    for message in outcome.to_others:
        socketio.emit("doc:message", (doc_id, message), to=room_of(doc_id), skip_sid=skip_sid)
    if outcome.compact:
        docs().compact(db.session, doc_id)


def entered(sid: str, doc_id: str, user_id: str, read_only: bool) -> None:
    db.session.merge(DocPresence(sid=sid, doc_id=doc_id, user_id=user_id, read_only=read_only))
    db.session.commit()


def left(sid: str, doc_id: str | None = None) -> None:
    """She left one document (or, with no ``doc_id``, her connection went: every one)."""
    where = [DocPresence.sid == sid] + ([DocPresence.doc_id == doc_id] if doc_id else [])
    db.session.execute(delete(DocPresence).where(*where))
    db.session.commit()


def leave_here(sid: str, doc_id: str) -> None:
    """Her connection leaves a room of this process: the others hear her presence go."""
    relay(doc_id, docs().leave(db.session, sid, doc_id), skip_sid=sid)


def recheck(user_id: str, scope: str, allowed: bool) -> None:
    """After a commit that gave or took a network's access (networks.membership.access_changed):
    every document she has open whose rights changed is closed for her — she may join again
    and learn what she may do now. Her connection may be in any process: leaving the room
    goes through the message queue, and that process notices at her next message."""
    rows = db.session.scalars(select(DocPresence).where(DocPresence.user_id == user_id)).all()
    db.session.rollback()
    for row in rows:
        try:
            access = docs().access(db.session, user_id, row.doc_id)
        except UnknownDoc:
            access = None
        if access is not None and (access != "edit") == row.read_only:
            continue
        close(row.sid, row.doc_id)


def close(sid: str, doc_id: str) -> None:
    socketio.server.leave_room(sid, room_of(doc_id), namespace="/")
    socketio.emit("doc:closed", {"doc": doc_id, "error": docs().refusal("closed").ack["error"]}, to=sid)
    left(sid, doc_id)
    if docs().member(sid, doc_id) is not None:
        leave_here(sid, doc_id)
