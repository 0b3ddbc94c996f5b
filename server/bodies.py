"""What a request body may be: how large, and how deep its JSON.

Werkzeug refuses a body over the request's limit from its Content-Length, before reading
a byte (413, errors.py gives it the one shape); a body with none is cut off at the limit.
Every body is small JSON, except a push (a week of replies from a phone back online) and
a file's bytes (the file limit and a margin for the request's own framing).
"""
from __future__ import annotations

from flask import Flask, current_app, request
from flask.json.provider import DefaultJSONProvider

UPLOAD_MARGIN_BYTES = 64 * 1024


class JSONProvider(DefaultJSONProvider):
    """JSON nested deeper than Python recurses is not JSON Krąg reads: a ValueError like any
    other unreadable body (a 400), not a RecursionError (a 500)."""

    def loads(self, s, **kwargs):
        try:
            return super().loads(s, **kwargs)
        except RecursionError as exc:
            raise ValueError("JSON nested too deeply") from exc


def _limit() -> None:
    config = current_app.config
    if request.endpoint == "sync.push":
        request.max_content_length = config["PUSH_MAX_BYTES"]
    elif request.endpoint == "files.upload":
        request.max_content_length = config["FILE_MAX_BYTES"] + UPLOAD_MARGIN_BYTES


def init_app(app: Flask) -> None:
    app.config["MAX_CONTENT_LENGTH"] = app.config["JSON_MAX_BYTES"]  # every other request
    provider = JSONProvider(app)
    provider.ensure_ascii = app.json.ensure_ascii  # type: ignore[attr-defined]
    app.json = provider
    app.before_request(_limit)
