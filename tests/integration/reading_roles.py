"""Cells of docs/roles.md for reading a network over HTTP beside the pull — its older posts, search,
a picture's thumbnail, a meeting's material — and for uploading a file and another person's survey
answer, for tests/integration/test_roles.py."""
from __future__ import annotations

import uuid

from server.extensions import db
from server.syncing.engine import engine
from tests.integration.files_helpers import attached_by, pdf, png, put
from tests.integration.meetings_helpers import planned
from tests.integration.surveys_helpers import answer_args, made


def _http(response) -> str:
    return {200: "applied", 403: "forbidden", 404: "forbidden"}.get(response.status_code, str(response.status_code))


def _older_posts(c, w) -> str:
    answer = c.http.get(f"/api/threads/{w.thread_id}/posts?limit=50")
    if answer.status_code != 200:
        return _http(answer)
    held = {ch["id"] for ch in answer.get_json()["changes"] if ch.get("type") == "post"}
    return "applied" if w.posts["member"] in held else "forbidden"


def _search(c, w) -> str:
    """A word only the member's post has: found, or not."""
    word = f"słowo{uuid.uuid4().hex[:8]}"
    with engine.writing(db.session, w.users["member"]) as ctx:
        engine.run(ctx, "post.update", {"id": w.posts["member"], "body": f"Wpis: member, {word}"})
    answer = c.http.get("/api/search", query_string={"q": word})
    if answer.status_code != 200:
        return _http(answer)
    return "applied" if any(r["id"] == w.posts["member"] for r in answer.get_json()["results"]) else "forbidden"


def _thumbnail(c, w) -> str:
    picture = attached_by(c.app, w.users["member"], png(), post_id=w.posts["member"])
    return _http(c.http.get(f"/api/attachments/{picture}/thumbnail"))


def _material(c, w) -> str:
    """A file the coordinator attached to a meeting."""
    meeting_id = planned(w.users["coordinator"], w.network_id)
    material = attached_by(c.app, w.users["coordinator"], pdf(), meeting_id=meeting_id)
    return _http(c.http.get(f"/api/attachments/{material}"))


def _upload(c) -> str:
    answer = put(c, png(320, 200))
    return "applied" if answer.status_code in (200, 201, 204) else _http(answer)


def _someones_answer(c, w) -> str:
    """The member's answer to a named survey: is it on this device?"""
    survey_id = made(w.users["coordinator"], w.network_id)
    with engine.writing(db.session, w.users["member"]) as ctx:
        engine.run(ctx, "survey.answer", answer_args(survey_id))
    held = c.rows("survey_response")
    return "applied" if any(r.get("user_id") == w.users["member"] for r in held.values()) else "forbidden"


ACTIONS = {
    "read a thread's older posts (GET /api/threads/<id>/posts)": lambda c, w, r: _older_posts(c, w),
    "search finds the network's posts (GET /api/search)": lambda c, w, r: _search(c, w),
    "a picture's thumbnail (GET /api/attachments/<id>/thumbnail)": lambda c, w, r: _thumbnail(c, w),
    "download a meeting's material (a file attached to the meeting)": lambda c, w, r: _material(c, w),
    "upload a file (PUT /api/files/<sha256>), to attach it later": lambda c, w, r: _upload(c),
    "read the member's answer to a named survey (pull)": lambda c, w, r: _someones_answer(c, w),
}
