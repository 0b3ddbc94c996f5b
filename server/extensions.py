"""Extensions made once here and bound to the app in the factory."""
from __future__ import annotations

from typing import TYPE_CHECKING

from flask import current_app
from flask_socketio import SocketIO

from server.db import Database

if TYPE_CHECKING:
    from sync import SyncEngine

db = Database()
socketio = SocketIO()


def sync_engine() -> SyncEngine:
    """The engine server/syncing/engine.py assembles from every domain, handed to the app by
    the factory. A domain's route or mail-in reaches it here, at run time: importing it
    would make the domain import every other one."""
    return current_app.extensions["sync_engine"]
