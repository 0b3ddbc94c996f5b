"""A signed-in test client that speaks Krąg's API the way the PWA does."""
from __future__ import annotations

import json
import uuid

from flask import Flask
from flask.testing import FlaskClient

from server.accounts import services
from server.extensions import db


class ApiClient:
    def __init__(self, app: Flask, client: FlaskClient, csrf: str, user: dict):
        self.app, self.http, self.csrf, self.user = app, client, csrf, user
        self.client_id = str(uuid.uuid4())
        self.next_id = 1

    @classmethod
    def signed_in(cls, app: Flask, email: str) -> "ApiClient":
        http = app.test_client()
        user = services.find_user_by_email(db.session, email)
        assert user is not None, f"no user {email}"
        token = services.issue_login_token(db.session, user, 15)
        db.session.commit()
        me = http.post("/api/auth/link", json={"token": token}).get_json()  # what the link's button does
        return cls(app, http, me["csrf_token"], me["user"])

    @property
    def id(self) -> str:
        return self.user["id"]

    def post_json(self, path: str, body):
        # Encoded as JSON.stringify does: a lone surrogate travels as "\\ud83d".
        return self.http.post(path, data=json.dumps(body), content_type="application/json",
                              headers={"X-CSRF-Token": self.csrf})

    def push(self, *mutations: tuple[str, dict]):
        """Push named mutations with the next ids; return the response."""
        batch = []
        for name, args in mutations:
            batch.append({"id": self.next_id, "name": name, "args": args})
            self.next_id += 1
        return self.post_json("/api/sync/push", {"client_id": self.client_id, "mutations": batch})

    def pull(self, cursor: str | None = None, limit: int = 1000):
        query = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        return self.http.get("/api/sync/pull", query_string=query)

    def pull_all(self, cursor: str | None = None, limit: int = 1000) -> tuple[list[dict], str]:
        changes: list[dict] = []
        while True:
            body = self.pull(cursor, limit).get_json()
            changes += body["changes"]
            cursor = body["cursor"]
            if not body["more"]:
                return changes, cursor

    def rows(self, type_: str, cursor: str | None = None) -> dict[str, dict]:
        """What a device would hold of ``type_`` after pulling everything."""
        held: dict[str, dict] = {}
        for change in self.pull_all(cursor)[0]:
            if change.get("type") != type_:
                continue
            if change["op"] == "put":
                held[change["id"]] = change["data"]
            else:
                held.pop(change["id"], None)
        return held


def krag_cli(app: Flask, *args: str):
    """Run a `krag` command in-process on ``app``; its click result (``.output``)."""
    from click.testing import CliRunner
    from flask.cli import ScriptInfo

    from server.cli import main

    return CliRunner().invoke(main, list(args), obj=ScriptInfo(create_app=lambda: app), catch_exceptions=False)
