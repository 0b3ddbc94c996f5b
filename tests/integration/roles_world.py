"""The world test_roles.py checks docs/roles.md in, built once per module: the demo data and a network
with one person in every role (tests/integration/world.py, the second table's people too) are
written once into a SQLite file, and each cell starts from a copy of it (sqlite3's backup: a few
milliseconds, where building took a second). The signed-out visitor is a client with no session."""
from __future__ import annotations

import sqlite3
import uuid
from datetime import timedelta
from pathlib import Path

from server import migrate
from server.extensions import db
from server.syncing.engine import engine
from tests.apiclient import ApiClient
from tests.integration import world as worlds
from tests.integration.files_helpers import attached_by, pdf
from tests.integration.meetings_helpers import now, planned


class Unauthorized(Exception):
    """The server answered 401: nothing after it in the action can run."""


class SignedOut(ApiClient):
    """The network's member on a device with no session (signed out, or never signed in): every
    push, pull and POST answers 401, which ends the action (Unauthorized); a GET's 401 is the
    action's answer, as its helper says it."""

    def __init__(self, app, w: worlds.World):
        super().__init__(app, app.test_client(), "", {"id": w.users["signed_out"]})

    def post_json(self, path, body):  # pushes, passkey ceremonies, documents' HTTP fallback, exports
        return self._or_raise(super().post_json(path, body))

    def pull(self, cursor=None, limit=1000):
        return self._or_raise(super().pull(cursor, limit))

    @staticmethod
    def _or_raise(response):
        if response.status_code == 401:
            raise Unauthorized(response.get_json()["error"]["code"])
        return response


def build_template(folder: Path) -> tuple[Path, worlds.World]:
    """The demo data and the world, written once into folder/template.db."""
    from server import demo
    from tests.conftest import make_app

    path = folder / "template.db"
    migrate.upgrade(f"sqlite:///{path}")
    app = make_app(f"sqlite:///{path}", folder)
    def while_in(w: worlds.World) -> None:
        """What they do while in the network: a file on each one's post, a good practice of each
        member, and the two members at a meeting three days ago (their certificates' hours)."""
        for role in ("left", "removed", "expired"):
            w.attachments[role] = attached_by(app, w.users[role], pdf(), post_id=w.posts[role])
        for role in ("left", "removed"):
            w.practices[role] = str(uuid.uuid4())
            with engine.writing(db.session, w.users[role]) as ctx:
                engine.run(ctx, "resource.create", {"id": w.practices[role], "network_id": w.network_id,
                                                    "kind": "link", "title": "Dobra praktyka",
                                                    "url": "https://example.org/praktyka"})
        meeting_id = planned(w.users["coordinator"], w.network_id, now() - timedelta(days=3))
        with engine.writing(db.session, w.users["coordinator"]) as ctx:
            for role in ("left", "removed"):
                engine.run(ctx, "attendance.set", {"meeting_id": meeting_id, "user_id": w.users[role],
                                                   "present": True, "at": now().isoformat()})

    with app.app_context():
        demo.seed(db.session)
        w = worlds.build(db.session, later=True, while_in=while_in)
        db.session.remove()
        db.engine.dispose()
    return path, w


def copy_of(template: Path, folder: Path) -> str:
    """A fresh copy of the template, whole (its WAL included); its URL."""
    target = folder / "krag.db"
    with sqlite3.connect(template) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return f"sqlite:///{target}"


def live_channel(c, connect):
    """``connect()``, her app's Socket.IO connection; for a visitor with no session the server
    refuses it at the door, which is her 401."""
    try:
        return connect()
    except AssertionError:
        if isinstance(c, SignedOut):
            raise Unauthorized("unauthorized") from None
        raise
