"""How this process serves the live channel, named once for Flask-SocketIO.

An open live channel is a WebSocket held for as long as the app is open. Under gevent
(gunicorn's gevent worker, the production recipe) each is a greenlet, so one process
holds thousands; in a pool of threads each holds a thread, and gunicorn's pool of 100
was down at the 100th open app. `krag run` (Werkzeug) starts a thread per connection.
"""
from __future__ import annotations

import sys


def async_mode() -> str:
    """"gevent" once the process is patched (gunicorn's gevent worker patches before it
    imports server.wsgi), else "threading" (tests, the Flask test client, gthread)."""
    monkey = sys.modules.get("gevent.monkey")
    return "gevent" if monkey is not None and monkey.is_module_patched("socket") else "threading"
