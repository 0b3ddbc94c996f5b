"""Moving a user's open connections in or out of a scope's room, in whichever process holds them."""
from __future__ import annotations

from sqlalchemy import delete, select

from server.accounts import sessions
from server.extensions import db, socketio
from server.syncing.models import LiveConnection


def connected(sid: str, user_id: str, session_id: str) -> None:
    db.session.merge(LiveConnection(sid=sid, user_id=user_id, session_id=session_id))
    db.session.commit()


def disconnected(sid: str) -> None:
    db.session.execute(delete(LiveConnection).where(LiveConnection.sid == sid))
    db.session.commit()


def set_access(user_id: str, scope: str, allowed: bool) -> None:
    """After a commit that gave or took access: pokes for ``scope`` reach her, or stop, at once."""
    sids = db.session.scalars(select(LiveConnection.sid).where(LiveConnection.user_id == user_id)).all()
    for sid in sids:
        if allowed:
            socketio.server.enter_room(sid, scope, namespace="/")
        else:
            socketio.server.leave_room(sid, scope, namespace="/")


def close_sessions(session_ids: list[str]) -> None:
    """After the commit that ended these sessions: their open connections are told
    ("session:ended", so the app asks /api/me and learns it is signed out) and closed."""
    sids = db.session.scalars(select(LiveConnection.sid).where(LiveConnection.session_id.in_(session_ids))).all()
    for sid in sids:
        socketio.emit("session:ended", {}, to=sid)
        socketio.server.disconnect(sid, namespace="/")  # in whichever process holds it (the message queue)


sessions.ended.connect(close_sessions)  # connected when server/syncing/engine.py imports this module
