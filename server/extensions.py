"""Extensions made once here and bound to the app in the factory."""
from flask_socketio import SocketIO

from server.db import Database

db = Database()
socketio = SocketIO()
