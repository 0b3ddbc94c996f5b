"""Krąg for a production WSGI server: gunicorn's gevent worker, one process:

    gunicorn --worker-class gevent --workers 1 --worker-connections 2000 --keep-alive 75 \\
        --bind 127.0.0.1:5000 server.wsgi:app

gevent, because every open app holds a live channel (a WebSocket) for as long as it is
open: a greenlet each, so one process holds thousands and the API still answers (with
gunicorn's threads each channel held one of them: 100 threads, 100 open apps, then
nothing; see docs/benchmarks.md). The worker patches the standard library before it
imports this module, so psycopg and threading come in cooperative and Flask-SocketIO
runs in gevent mode (server/serving.py); hence no ``--preload``. One worker, because a
Socket.IO client must keep talking to the process that holds its connection (more
processes: several gunicorns behind nginx with ip_hash, and KRAG_REDIS_URL; see README).
``krag run`` serves the same app with Werkzeug, which is meant for development.
"""
from server.app import create_app
from server.extensions import db, socketio

app = create_app()
# As `krag run` does: SQLite's WAL is copied back between requests, not inside one.
socketio.start_background_task(db.checkpoint_forever, socketio.sleep)
