"""The search index reads the change log like one more device: after each commit, off the push path.

It keeps its own cursor (`search_cursor`: per network scope, the last version
indexed), so it catches up after a restart or a crash and never slows a push.
"""
from __future__ import annotations

import json
import threading

from flask import Flask, current_app
from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from server.extensions import db, socketio
from server.search import backends
from server.search.models import SearchCursor, SearchDoc
from sync.models import SyncRow, SyncScope

KINDS = ("thread", "post", "resource")
BATCH = 2000
_running = threading.Lock()

_UPSERT = text(
    "INSERT INTO search_doc (kind, row_id, network_id, thread_id, text) "
    "VALUES (:kind, :row_id, :network_id, :thread_id, :text) "
    "ON CONFLICT (kind, row_id) DO UPDATE SET text = excluded.text, network_id = excluded.network_id, "
    "thread_id = excluded.thread_id"
)


def document(kind: str, data: dict) -> dict:
    if kind == "thread":
        body = data["title"]
    elif kind == "post":
        body = data["body"]
    else:
        body = "\n".join(filter(None, [data["title"], data.get("description"), data.get("subject"),
                                       " ".join(data.get("tags") or [])]))
    return {"network_id": data["network_id"], "thread_id": data.get("thread_id") if kind != "thread" else data["id"],
            "text": body}


def catch_up(session: Session) -> int:
    """Index every change of the network scopes since the last run; return how many."""
    with _running:
        done = dict(session.execute(select(SearchCursor.scope, SearchCursor.version)).all())
        behind = [
            (name, version) for name, version in session.execute(
                select(SyncScope.name, SyncScope.version).where(SyncScope.name.like("network:%"))
            ) if version > done.get(name, 0)
        ]
        count = 0
        for scope, _top in behind:
            count += _scope(session, scope, done.get(scope, 0))
        return count


def _scope(session: Session, scope: str, since: int) -> int:
    count = 0
    while True:
        rows = session.execute(
            select(SyncRow.type, SyncRow.row_id, SyncRow.version, SyncRow.op, SyncRow.data)
            .where(SyncRow.scope == scope, SyncRow.version > since, SyncRow.type.in_(KINDS))
            .order_by(SyncRow.version).limit(BATCH)
        ).all()
        if not rows:
            # Nothing of ours in the rest of the scope: move past it anyway.
            top = session.scalar(select(SyncScope.version).where(SyncScope.name == scope)) or since
            _save(session, scope, top)
            session.commit()
            return count
        apply(session, [(t, r, op, json.loads(d) if d else None) for t, r, _v, op, d in rows])
        since = rows[-1].version
        _save(session, scope, since)
        session.commit()
        count += len(rows)


def apply(session: Session, changes: list[tuple[str, str, str, dict | None]]) -> None:
    """Put or drop documents; a handful of statements per batch, whatever its size."""
    for kind in KINDS:
        puts = {row_id: document(kind, data) for t, row_id, op, data in changes if t == kind and op == "put"}
        drops = [row_id for t, row_id, op, _ in changes if t == kind and op == "delete"]
        if drops:
            for doc_id in session.scalars(select(SearchDoc.id).where(SearchDoc.kind == kind, SearchDoc.row_id.in_(drops))):
                backends.drop(session, doc_id)
            session.execute(delete(SearchDoc).where(SearchDoc.kind == kind, SearchDoc.row_id.in_(drops)))
        if puts:
            session.execute(_UPSERT, [{"kind": kind, "row_id": row_id} | doc for row_id, doc in puts.items()])
            ids = session.execute(
                select(SearchDoc.row_id, SearchDoc.id).where(SearchDoc.kind == kind, SearchDoc.row_id.in_(list(puts)))
            ).all()
            backends.put_many(session, [(doc_id, puts[row_id]["text"]) for row_id, doc_id in ids])


def _save(session: Session, scope: str, version: int) -> None:
    cursor = session.get(SearchCursor, scope) or SearchCursor(scope=scope, version=0)
    cursor.version = max(cursor.version, version)
    session.add(cursor)


def kick(scopes: list[str]) -> None:
    """After a commit that touched a network: index it (in the background unless told otherwise)."""
    if not any(s.startswith("network:") for s in scopes):
        return
    app = current_app._get_current_object()
    if app.config.get("BACKGROUND_INLINE"):
        catch_up(db.session)
    else:
        socketio.start_background_task(_in_background, app)


def _in_background(app: Flask) -> None:
    with app.app_context():
        try:
            catch_up(db.session)
        finally:
            db.session.remove()
