"""Co-edited documents through Socket.IO's test client: join, send, read what came back."""
from __future__ import annotations

import pycrdt
from sqlalchemy import func, select

from server.extensions import db, socketio
from sync.docs import framing
from sync.docs.models import SyncDoc, SyncDocUpdate
from tests.unit.docs_world import Editor, text_of  # noqa: F401  (one pycrdt editor for every test)


class DocSocket:
    """One open app (a Socket.IO connection) of a signed-in person, with documents in it."""

    def __init__(self, app, client):
        self.socket = socketio.test_client(app, flask_test_client=client.http)
        assert self.socket.is_connected()
        self.socket.get_received()
        self.heard: list[dict] = []

    def join(self, doc: str) -> dict:
        return self.socket.emit("doc:join", {"doc": doc}, callback=True)

    def send(self, doc: str, message) -> dict:
        return self.socket.emit("doc:message", doc, message, callback=True)

    def update(self, doc: str, update: bytes) -> dict:
        return self.send(doc, framing.update(update))

    def leave(self, doc: str) -> dict:
        return self.socket.emit("doc:leave", {"doc": doc}, callback=True)

    def received(self, doc: str | None = None, event: str = "doc:message") -> list:
        """What came since the last look: decoded y-websocket messages (or other events' args)."""
        self.heard += self.socket.get_received()
        mine = [e for e in self.heard if e["name"] == event]
        self.heard = [e for e in self.heard if e["name"] != event]
        if event != "doc:message":
            return [e["args"][0] for e in mine]
        return [framing.decode(e["args"][1]) for e in mine if doc is None or e["args"][0] == doc]

    def close(self) -> None:
        if self.socket.is_connected():
            self.socket.disconnect()


def updates_of(messages: list) -> list[bytes]:
    return [m.payload for m in messages if m.kind == framing.SYNC and m.step in (framing.STEP2, framing.UPDATE)]


def stored(doc: str) -> str:
    """The document's text as the database holds it, read afresh."""
    db.session.rollback()
    parts = [db.session.get(SyncDoc, doc)]
    if parts[0] is None:
        return ""
    rows = db.session.scalars(select(SyncDocUpdate.data).where(SyncDocUpdate.doc_id == doc)
                              .order_by(SyncDocUpdate.seq)).all()
    updates = ([parts[0].snapshot] if parts[0].snapshot else []) + list(rows)
    db.session.rollback()
    return text_of(pycrdt.merge_updates(*updates)) if updates else ""


def stored_updates(doc: str) -> int:
    db.session.rollback()
    count = db.session.scalar(select(func.count()).select_from(SyncDocUpdate).where(SyncDocUpdate.doc_id == doc))
    db.session.rollback()
    return count
