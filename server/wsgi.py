"""Krąg for a production WSGI server, one process with threads:

    gunicorn --workers 1 --threads 100 --bind 127.0.0.1:5000 server.wsgi:app

One worker, because a Socket.IO client must keep talking to the process that
holds its connection (more processes: several gunicorns behind nginx with
ip_hash, and KRAG_REDIS_URL; see README). Threads, because every open live
channel holds one (simple-websocket). ``krag run`` serves the same app with
Werkzeug, which is meant for development.
"""
from server.app import create_app
from server.extensions import db, socketio

app = create_app()
# As `krag run` does: SQLite's WAL is copied back between requests, not inside one.
socketio.start_background_task(db.checkpoint_forever, socketio.sleep)
