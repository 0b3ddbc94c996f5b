"""The live channel: signed-in connections join their scopes' rooms and get pokes."""
from __future__ import annotations

from flask import request, session
from flask_socketio import ConnectionRefusedError, join_room

from server.accounts import sessions
from server.accounts.auth import SECRET
from server.accounts.models import User
from server.docs import events as docs_events
from server.extensions import db, socketio, sync_engine
from server.syncing import live, packets
from server.syncing.engine import registry


@socketio.on("connect")
def on_connect(auth=None):
    record = sessions.find(db.session, session.get(SECRET))  # a session ended or unused too long: refused
    if record is None or db.session.get(User, record.user_id) is None:
        raise ConnectionRefusedError("unauthorized")
    user_id = record.user_id
    if sessions.renewal_due(record):  # the app connects whenever it is online: her use, stamped
        with sync_engine().writing(db.session, user_id) as ctx:
            sessions.renew(ctx, record)
    for scope in registry.visible_scopes(db.session, user_id):
        join_room(scope)
    live.connected(request.sid, user_id, record.id)


@socketio.on("disconnect")
def on_disconnect(*_args):
    docs_events.disconnected(request.sid)  # she leaves her open documents; the others hear it
    live.disconnected(request.sid)


@socketio.on(packets.UNREADABLE)
def on_unreadable(*_args):
    """A packet whose JSON could not be read (server/syncing/packets.py): an error, never a handler's."""
    return {"error": {"code": "invalid", "message": packets.MESSAGE}}
