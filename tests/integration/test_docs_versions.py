"""Named versions of co-edited documents (docs/sync-protocol.md, "Named versions"): made by
those who may edit, listed to every reader by the pull, fetched whole by HTTP, restored by
the device as a new edit that loses nothing. Both databases."""
from __future__ import annotations

import base64
import uuid

import pycrdt
import pytest

from server.docs.live import docs
from server.extensions import db
from tests.integration import world as worlds
from tests.integration.docs_helpers import Editor, text_of
from tests.integration.meetings_helpers import as_coordinator, planned, result


@pytest.fixture
def w(app, demo):
    return worlds.build(db.session)


@pytest.fixture
def clients(as_user, w):
    return {role: as_user(w.emails[role]) for role in worlds.ROLES}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def typed(client, doc: str, *updates: bytes) -> None:
    answer = client.post_json(f"/api/docs/{doc}/sync", {"updates": [b64(u) for u in updates]})
    assert answer.status_code == 200, answer.get_json()


def name_version(client, doc: str, name: str, version_id: str | None = None) -> dict:
    return result(client, "doc_version.create", {"id": version_id or str(uuid.uuid4()), "doc": doc, "name": name})


def fetched(client, doc: str, version_id: str):
    return client.http.get(f"/api/docs/{doc}/versions/{version_id}")


def test_a_version_keeps_the_document_as_it_was_and_every_reader_lists_it(app, w, clients):
    anna, doc = clients["member"], f"minutes:{planned(w.users['coordinator'], w.network_id)}"
    editor = Editor()
    typed(anna, doc, editor.type(0, "Ustalenia: "), editor.type(11, "wycieczka do Łańcuta."))
    docs().compact(db.session, doc)  # part of it in the snapshot, part still as updates
    typed(anna, doc, editor.type(len(editor.text), " Zażółć gęślą jaźń."))
    version_id = str(uuid.uuid4())
    assert name_version(anna, doc, "  po spotkaniu 12.03  ", version_id)["status"] == "applied"
    typed(anna, doc, editor.type(0, "Później: "))

    answer = fetched(clients["expert"], doc, version_id)  # an expert reads it too
    assert answer.status_code == 200 and answer.content_type == "application/octet-stream"
    assert text_of(answer.data) == "Ustalenia: wycieczka do Łańcuta. Zażółć gęślą jaźń."

    for role in ("coordinator", "member", "expert"):
        rows = clients[role].rows("doc_version")
        assert set(rows) == {version_id}, role
        row = rows[version_id]
        assert (row["doc"], row["name"], row["created_by"], row["network_id"]) == (
            doc, "po spotkaniu 12.03", w.users["member"], w.network_id)
        assert row["size"] == len(answer.data) and row["seq"] == 3 and row["created_at"]
    for role in ("outsider", "admin", "staff"):
        assert clients[role].rows("doc_version") == {}, role
        assert fetched(clients[role], doc, version_id).status_code == 403, role


def test_restoring_a_version_is_a_new_edit_that_loses_nothing(w, clients):
    """What the editor does: the document is made to say what the version says, as an ordinary
    update (here for a Y.Text; the editor replaces the "content" fragment's children)."""
    anna, doc = clients["member"], f"notes:{w.network_id}:{uuid.uuid4()}"
    editor = Editor()
    typed(anna, doc, editor.type(0, "Pierwsza wersja."))
    first = str(uuid.uuid4())
    name_version(anna, doc, "pierwsza", first)
    typed(anna, doc, editor.erase(0, len(editor.text)), editor.type(0, "Druga, zupełnie inna."))
    second = str(uuid.uuid4())
    name_version(anna, doc, "druga", second)

    old = text_of(fetched(anna, doc, first).data)
    typed(anna, doc, editor.erase(0, len(editor.text)), editor.type(0, old))  # restore: a new change
    now = anna.post_json(f"/api/docs/{doc}/sync", {}).get_json()
    assert text_of(base64.b64decode(now["update"])) == "Pierwsza wersja."
    assert text_of(fetched(anna, doc, second).data) == "Druga, zupełnie inna."  # still there to go back to
    assert set(anna.rows("doc_version")) == {first, second}


def test_who_may_name_a_version_and_what_it_must_say(w, clients):
    doc = f"plan:{w.network_id}"
    for role, code in (("coordinator", "applied"), ("member", "applied"), ("expert", "forbidden"),
                       ("outsider", "forbidden"), ("admin", "forbidden"), ("staff", "forbidden")):
        outcome = name_version(clients[role], doc, "wersja")
        assert (outcome["error"]["code"] if outcome["status"] != "applied" else "applied") == code, role
        if code == "forbidden":
            assert outcome["error"]["message"], role

    anna = clients["member"]
    for name in ("", "   ", "x" * 81):
        refused = name_version(anna, doc, name)["error"]
        assert refused["fields"]["name"] == ["Nazwa wersji musi mieć od 1 do 80 znaków."], name
    assert name_version(anna, doc, "ą" * 80)["status"] == "applied"
    missing = result(anna, "doc_version.create", {"id": str(uuid.uuid4()), "doc": doc})["error"]
    assert missing["fields"]["name"] == ["To pole jest wymagane."]
    for unknown in ("wiki:1", f"plan:{str(uuid.uuid4()).upper()}", "notes:" + str(uuid.uuid4())):
        refused = name_version(anna, unknown, "wersja")["error"]
        assert refused["code"] == "invalid" and refused["fields"] == {"doc": ["Nie ma takiego dokumentu."]}
    assert name_version(anna, f"plan:{uuid.uuid4()}", "wersja")["error"]["code"] == "forbidden"  # no such network
    taken = str(uuid.uuid4())
    name_version(anna, doc, "raz", taken)
    assert name_version(anna, doc, "drugi raz", taken)["error"]["code"] == "conflict"

    as_coordinator(w.users["coordinator"], "network.archive", {"network_id": w.network_id})
    refused = name_version(clients["coordinator"], doc, "po archiwizacji")["error"]
    assert refused["code"] == "forbidden" and "tylko czytać" in refused["message"]


def test_a_version_is_fetched_only_from_its_own_document(w, clients):
    anna = clients["member"]
    doc, other = f"plan:{w.network_id}", f"notes:{w.network_id}:{uuid.uuid4()}"
    version_id = str(uuid.uuid4())
    name_version(anna, doc, "pusty plan", version_id)
    empty = fetched(anna, doc, version_id)
    assert empty.status_code == 200 and pycrdt.get_state(empty.data) == b"\x00"  # nothing typed yet: an empty document
    assert fetched(anna, other, version_id).status_code == 404
    assert fetched(anna, doc, str(uuid.uuid4())).status_code == 404
    assert fetched(anna, "wiki:1", version_id).status_code == 404
