"""The co-edited documents' cells of docs/roles.md: what each action does for tests/integration/test_roles.py."""
from __future__ import annotations

import base64
import uuid

from tests.integration.docs_helpers import DocSocket, Editor, stored
from tests.integration.roles_world import live_channel
from tests.integration.meetings_helpers import as_coordinator, outcome, planned


def _docs(w) -> list[str]:
    return [f"plan:{w.network_id}", f"minutes:{planned(w.users['coordinator'], w.network_id)}",
            f"notes:{w.network_id}:{uuid.uuid4()}"]


def _outcome(ack: dict) -> str:
    if ack.get("ok"):
        return "applied"
    return "forbidden" if ack["error"]["code"] in ("forbidden", "read_only") else ack["error"]["code"]


def _same(outcomes: list[str]) -> str:
    return outcomes[0] if len(set(outcomes)) == 1 else f"differs by document: {outcomes}"


def _open(c, w) -> str:
    socket = live_channel(c, lambda: DocSocket(c.app, c))
    try:
        return _same([_outcome(socket.join(doc)) for doc in _docs(w)])
    finally:
        socket.close()


def _edit(c, w, docs: list[str] | None = None) -> str:
    """Live and by the HTTP fallback alike; "applied" only when the text is then stored."""
    socket, outcomes = live_channel(c, lambda: DocSocket(c.app, c)), []
    try:
        for doc in docs or _docs(w):
            joined = socket.join(doc)
            live = _outcome(socket.update(doc, Editor().type(0, "na żywo")) if joined.get("ok") else joined)
            update = base64.b64encode(Editor().type(0, "bez sieci")).decode()
            answer = c.post_json(f"/api/docs/{doc}/sync", {"updates": [update]})
            by_http = "applied" if answer.status_code == 200 else _outcome(answer.get_json())
            kept = {"na żywo" in stored(doc), "bez sieci" in stored(doc)}
            outcomes += [live, by_http] if kept == {live == "applied" and by_http == "applied"} else ["stored?"]
    finally:
        socket.close()
    return _same(outcomes)


def _name_version(c, w) -> str:
    """A named version of each document; "applied" only when its row then reaches her."""
    made = []
    for doc in _docs(w):
        version_id = str(uuid.uuid4())
        made.append(outcome(c, "doc_version.create", {"id": version_id, "doc": doc, "name": "po spotkaniu"}))
        if made[-1] == "applied" and version_id not in c.rows("doc_version"):
            made[-1] = "not listed"
    return _same(made)


def _versions(c, w) -> str:
    """Versions the coordinator named: in her pull, and their bytes by HTTP."""
    seen = []
    for doc in _docs(w):
        version_id = str(uuid.uuid4())
        as_coordinator(w.users["coordinator"], "doc_version.create", {"id": version_id, "doc": doc, "name": "wersja"})
        listed = version_id in c.rows("doc_version")
        status = c.http.get(f"/api/docs/{doc}/versions/{version_id}").status_code
        seen.append({(True, 200): "applied", (False, 403): "forbidden"}.get((listed, status), f"{listed} {status}"))
    return _same(seen)


def _minutes(c, w) -> str:
    """A meeting's minutes, as PDF and as DOCX (the files only: test_minutes_export reads them)."""
    meeting_id = planned(w.users["coordinator"], w.network_id)
    codes = {c.http.get(f"/api/meetings/{meeting_id}/minutes?format={kind}").status_code for kind in ("pdf", "docx")}
    return {frozenset({200}): "applied", frozenset({403}): "forbidden", frozenset({401}): "401"}.get(
        frozenset(codes), str(codes))


def _edit_archived(c, w) -> str:
    docs = _docs(w)  # the meeting is planned before the network goes to the archive
    as_coordinator(w.users["coordinator"], "network.archive", {"network_id": w.network_id})
    return _edit(c, w, docs)


ACTIONS = {
    "open a network's document: its plan, a meeting's minutes, notes (doc:join)": lambda c, w, r: _open(c, w),
    "edit a network's document (an update, live or by the HTTP fallback)": lambda c, w, r: _edit(c, w),
    "edit a document of an archived network": lambda c, w, r: _edit_archived(c, w),
    "`doc_version.create` (a named version of a network's document)": lambda c, w, r: _name_version(c, w),
    "a document's named versions: list them (pull) and fetch one": lambda c, w, r: _versions(c, w),
    "download a meeting's minutes (PDF, DOCX)": lambda c, w, r: _minutes(c, w),
}
