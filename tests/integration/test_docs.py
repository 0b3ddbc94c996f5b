"""Co-edited documents over the live channel and the HTTP fallback (docs/sync-protocol.md,
"Co-edited documents"): who may join and edit, every update stored before its ack or its
relay, readers' edits refused unstored, presence cleared, rooms closed when access goes,
compaction losing nothing. Both databases."""
from __future__ import annotations

import base64
import uuid

import pytest

from server.extensions import db
from sync.docs import framing
from sync.docs.framing import Presence
from tests.integration import world as worlds
from tests.integration.docs_helpers import DocSocket, Editor, stored, stored_updates, text_of, updates_of
from tests.integration.meetings_helpers import as_coordinator, planned


@pytest.fixture
def w(app, demo):
    return worlds.build(db.session)


@pytest.fixture
def sockets(app, as_user, w):
    opened = []

    def open_as(role: str) -> DocSocket:
        opened.append(DocSocket(app, as_user(w.emails[role])))
        return opened[-1]

    yield open_as
    for s in opened:
        s.close()


def plan(w) -> str:
    return f"plan:{w.network_id}"


def test_who_may_join_and_whether_she_may_edit(w, sockets):
    minutes = f"minutes:{planned(w.users['coordinator'], w.network_id)}"
    notes = f"notes:{w.network_id}:{uuid.uuid4()}"
    expected = {"coordinator": {"ok": True, "read_only": False}, "member": {"ok": True, "read_only": False},
                "expert": {"ok": True, "read_only": True}}
    for role in worlds.ROLES:
        s = sockets(role)
        for doc in (plan(w), minutes, notes):
            ack = s.join(doc)
            if role in expected:
                assert ack == expected[role], (role, doc)
            else:
                assert ack["error"]["code"] == "forbidden" and ack["error"]["message"], (role, doc)
                assert s.received() == []  # no SyncStep1 for someone refused


@pytest.mark.parametrize("doc", ["plan:nie-uuid", "wiki:1", "", None, 5, "notes:" + str(uuid.UUID(int=1)),
                                 "plan:" + str(uuid.UUID(int=0xABCDEF)).upper()])  # upper case: not its spelling
def test_a_malformed_or_unknown_id_is_invalid(w, sockets, doc):
    ack = sockets("member").socket.emit("doc:join", {"doc": doc}, callback=True)
    assert ack["error"]["code"] == "invalid"


def test_a_document_of_another_network_or_meeting_is_refused(w, sockets):
    member = sockets("member")
    assert member.join(f"plan:{uuid.uuid4()}")["error"]["code"] == "forbidden"
    assert member.join(f"minutes:{uuid.uuid4()}")["error"]["code"] == "forbidden"


def test_the_server_sends_its_sync_step1_and_answers_hers(w, sockets):
    anna = sockets("member")
    anna.join(plan(w))
    assert anna.received(plan(w)) == [framing.Message(framing.SYNC, framing.STEP1, b"\x00")]
    editor = Editor()
    assert anna.update(plan(w), editor.type(0, "Cele na rok")) == {"ok": True}
    assert anna.received(plan(w)) == []  # her own update does not come back
    anna.send(plan(w), framing.sync_step1(b"\x00"))
    (answer,) = anna.received(plan(w))
    assert answer.step == framing.STEP2 and text_of(answer.payload) == "Cele na rok"


def test_an_update_is_stored_before_its_ack_and_relayed_to_the_others(w, sockets):
    anna, jan, expert = sockets("member"), sockets("coordinator"), sockets("expert")
    for s in (anna, jan, expert):
        s.join(plan(w))
        s.received()
    editor = Editor()
    update = editor.type(0, "Protokół ze spotkania")
    assert anna.update(plan(w), update) == {"ok": True}
    assert stored(plan(w)) == "Protokół ze spotkania"  # in the database once the ack is there
    for other in (jan, expert):
        assert updates_of(other.received(plan(w))) == [update]

    offline = Editor()  # a SyncStep2 carries what she wrote offline: stored the same way
    offline.type(0, "Z autobusu: ")
    assert jan.send(plan(w), framing.sync_step2(offline.doc.get_update())) == {"ok": True}
    assert "Z autobusu: " in stored(plan(w)) and len(updates_of(anna.received(plan(w)))) == 1


def test_a_reader_s_edits_are_refused_and_not_stored(w, sockets):
    expert, anna = sockets("expert"), sockets("member")
    anna.join(plan(w))
    editor = Editor()
    anna.update(plan(w), editor.type(0, "Plan"))
    assert expert.join(plan(w))["read_only"] is True
    anna.received()
    hers = Editor()
    hers.take(editor.doc.get_update())
    # Answering the server's SyncStep1 with nothing new is no edit.
    assert expert.send(plan(w), framing.sync_step2(hers.doc.get_update(editor.doc.get_state()))) == {"ok": True}
    for message in (framing.update(hers.type(4, " pracy")), framing.sync_step2(hers.doc.get_update())):
        refused = expert.send(plan(w), message)
        assert refused["error"]["code"] == "read_only" and refused["error"]["message"] == "Ten dokument możesz tylko czytać."
    assert stored(plan(w)) == "Plan" and stored_updates(plan(w)) == 1
    assert anna.received(plan(w)) == []  # nothing relayed


def test_an_archived_network_s_documents_are_read_only(w, sockets):
    as_coordinator(w.users["coordinator"], "network.archive", {"network_id": w.network_id})
    for role in ("coordinator", "member"):
        s = sockets(role)
        assert s.join(plan(w)) == {"ok": True, "read_only": True}
        assert s.update(plan(w), Editor().type(0, "x"))["error"]["code"] == "read_only"


def test_messages_need_a_join_and_must_be_whole(w, sockets):
    anna = sockets("member")
    assert anna.update(plan(w), Editor().type(0, "x"))["error"]["code"] == "not_joined"
    anna.join(plan(w))
    for broken in (b"\x00\x02\x09garbage!!", b"\x07", "tekst", None):
        assert anna.send(plan(w), broken)["error"]["code"] == "invalid"
    assert anna.socket.emit("doc:message", plan(w), callback=True)["error"]["code"] == "invalid"
    assert stored_updates(plan(w)) == 0


def test_presence_is_relayed_and_cleared_when_a_socket_leaves_or_goes(w, sockets):
    anna, jan, ewa = sockets("member"), sockets("coordinator"), sockets("expert")
    for s in (anna, jan, ewa):
        s.join(plan(w))
        s.received()
    hello = framing.awareness(framing.encode_awareness([Presence(41, 2, '{"user":{"name":"Anna","color":"#c33"}}')]))
    anna.socket.emit("doc:message", plan(w), hello)  # presence goes without waiting for an ack
    assert jan.received(plan(w)) == [framing.decode(hello)] == ewa.received(plan(w))
    late = sockets("member")
    late.join(plan(w))
    assert framing.decode(hello) in late.received(plan(w))  # a joiner is told who is here

    assert anna.leave(plan(w)) == {"ok": True}
    gone = framing.Message(framing.AWARENESS, None, framing.encode_awareness([Presence(41, 2, "null")]))
    assert jan.received(plan(w)) == [gone] and ewa.received(plan(w)) == [gone]

    jan.send(plan(w), framing.awareness(framing.encode_awareness([Presence(77, 5, '{"user":{"name":"Jan"}}')])))
    ewa.received()
    jan.close()  # the connection goes without a word: the server clears her presence itself
    assert ewa.received(plan(w)) == [framing.Message(framing.AWARENESS, None,
                                                     framing.encode_awareness([Presence(77, 5, "null")]))]


def test_losing_access_closes_her_rooms(w, sockets, as_user):
    anna, jan = sockets("member"), sockets("coordinator")
    for s in (anna, jan):
        s.join(plan(w))
    anna.send(plan(w), framing.awareness(framing.encode_awareness([Presence(5, 1, '{"user":{"name":"A"}}')])))
    jan.received()
    coordinator = as_user(w.emails["coordinator"])
    answer = coordinator.push(("membership.remove", {"network_id": w.network_id, "user_id": w.users["member"]}))
    assert answer.get_json()["results"][0]["status"] == "applied"

    (closed,) = anna.received(event="doc:closed")
    assert closed["doc"] == plan(w) and closed["error"]["code"] == "closed"
    assert framing.Message(framing.AWARENESS, None, framing.encode_awareness([Presence(5, 1, "null")])) in jan.received(plan(w))
    refused = anna.update(plan(w), Editor().type(0, "po usunięciu"))
    assert refused["error"]["code"] in ("not_joined", "closed") and stored_updates(plan(w)) == 0
    assert anna.join(plan(w))["error"]["code"] == "forbidden"


def test_compaction_after_so_many_updates_and_when_the_room_empties_loses_nothing(app, w, sockets):
    app.config["DOC_COMPACT_AFTER"] = 5
    app.extensions.pop("krag_docs", None)  # made afresh with the setting
    anna, jan = sockets("member"), sockets("coordinator")
    for s in (anna, jan):
        s.join(plan(w))
    editor = Editor()
    for i in range(12):
        assert anna.update(plan(w), editor.type(len(str(editor)), f"{i} ")) == {"ok": True}
    assert stored_updates(plan(w)) < 5 and stored(plan(w)) == str(editor)
    anna.leave(plan(w))
    jan.leave(plan(w))  # the last one out
    assert stored_updates(plan(w)) == 0 and stored(plan(w)) == str(editor)
    fresh = sockets("expert")
    fresh.join(plan(w))
    fresh.received()
    fresh.send(plan(w), framing.sync_step1(b"\x00"))
    assert text_of(fresh.received(plan(w))[0].payload) == str(editor) == "0 1 2 3 4 5 6 7 8 9 10 11 "


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_the_http_fallback_stores_her_offline_work_and_answers_what_she_lacks(w, sockets, as_user):
    live = sockets("coordinator")
    live.join(plan(w))
    editor = Editor()
    live.update(plan(w), editor.type(0, "Na żywo. "))

    anna = as_user(w.emails["member"])
    offline = Editor()
    offline.type(0, "Bez sieci.")
    answer = anna.post_json(f"/api/docs/{plan(w)}/sync", {"state_vector": b64(offline.doc.get_state()),
                                                          "updates": [b64(offline.doc.get_update())]})
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    assert set(body) == {"update", "state_vector", "read_only"} and body["read_only"] is False
    offline.take(base64.b64decode(body["update"]))
    assert sorted(str(offline).split(". ")) == sorted(stored(plan(w)).split(". "))
    assert "Bez sieci." in stored(plan(w)) and "Na żywo." in stored(plan(w))
    assert len(updates_of(live.received(plan(w)))) == 1  # her offline work reached the live editor

    expert = as_user(w.emails["expert"])
    read = expert.post_json(f"/api/docs/{plan(w)}/sync", {})
    assert read.status_code == 200 and read.get_json()["read_only"] is True
    assert text_of(base64.b64decode(read.get_json()["update"])) == stored(plan(w))
    refused = expert.post_json(f"/api/docs/{plan(w)}/sync", {"updates": [b64(Editor().type(0, "x"))]})
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "read_only"

    outsider = as_user(w.emails["outsider"])
    assert outsider.post_json(f"/api/docs/{plan(w)}/sync", {}).status_code == 403
    bad = anna.post_json(f"/api/docs/{plan(w)}/sync", {"updates": ["nie base64!"]})
    assert bad.status_code == 400 and "updates" in bad.get_json()["error"]["fields"]
    assert anna.post_json("/api/docs/wiki:1/sync", {}).status_code == 400
    assert anna.post_json(f"/api/docs/{plan(w)}/sync", {"updates": [b64(b"\x05junk")]}).status_code == 400
    assert anna.http.post(f"/api/docs/{plan(w)}/sync", json={}).status_code in (400, 403)  # no CSRF token
