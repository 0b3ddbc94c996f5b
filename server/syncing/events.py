"""The live channel: signed-in connections join their scopes' rooms and get pokes."""
from __future__ import annotations

from flask import request, session
from flask_socketio import ConnectionRefusedError, join_room

from server.accounts.models import User
from server.docs import events as docs_events
from server.extensions import db, socketio
from server.syncing import live
from server.syncing.engine import registry


@socketio.on("connect")
def on_connect(auth=None):
    user_id = session.get("uid")
    if not user_id or db.session.get(User, user_id) is None:
        raise ConnectionRefusedError("unauthorized")
    for scope in registry.visible_scopes(db.session, user_id):
        join_room(scope)
    live.connected(request.sid, user_id)


@socketio.on("disconnect")
def on_disconnect(*_args):
    docs_events.disconnected(request.sid)  # she leaves her open documents; the others hear it
    live.disconnected(request.sid)
