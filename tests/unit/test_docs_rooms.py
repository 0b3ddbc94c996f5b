"""The rooms' rules without Flask: who may join, what is stored before it is acknowledged
or relayed, read-only refusals, presence cleared on leaving, and two processes (two
``Docs`` on one database) never answering from a stale copy."""
from __future__ import annotations

import pycrdt
import pytest
from sqlalchemy.exc import OperationalError

from sync.docs import DocKinds, Docs, DocStore, framing
from sync.docs.framing import Presence
from tests.unit.docs_world import Editor, sessions, text_of

RIGHTS = {("ala", "t:1"): "edit", ("ola", "t:1"): "read"}


def kinds() -> DocKinds:
    registry = DocKinds()
    registry.kind("t", can_read=lambda s, user, doc: (user, doc) in RIGHTS,
                  can_edit=lambda s, user, doc: RIGHTS.get((user, doc)) == "edit", valid=str.isdigit)
    return registry


@pytest.fixture
def world(tmp_path):
    engine, make = sessions(tmp_path)
    yield make, DocStore()
    engine.dispose()


def process(world, **options) -> Docs:
    return Docs(world[1], kinds(), **options)


def stored_text(world) -> str:
    make, store = world
    return text_of(store.state(make(), "t:1")[0])


def test_joining_needs_a_known_id_and_the_right_to_read(world):
    docs, session = process(world), world[0]()
    assert docs.join(session, "s1", "ala", "t:x").ack["error"]["code"] == "invalid"
    assert docs.join(session, "s1", "ala", "nope:1").ack["error"]["code"] == "invalid"
    assert docs.join(session, "s1", "ala", 42).ack["error"]["code"] == "invalid"
    assert docs.join(session, "s1", "ewa", "t:1").ack["error"]["code"] == "forbidden"
    joined = docs.join(session, "s1", "ala", "t:1")
    assert joined.ack == {"ok": True, "read_only": False}
    assert framing.decode(joined.to_sender[0]) == framing.Message(framing.SYNC, framing.STEP1, b"\x00")
    assert docs.join(session, "s2", "ola", "t:1").ack == {"ok": True, "read_only": True}


def test_an_update_is_stored_before_it_is_acknowledged_or_relayed(world):
    docs, session = process(world), world[0]()
    docs.join(session, "s1", "ala", "t:1")
    anna = Editor()
    update = anna.type(0, "Protokół")
    outcome = docs.receive(session, "s1", "t:1", framing.update(update))
    assert outcome.ack == {"ok": True}
    assert stored_text(world) == "Protokół"  # by the time there is an ack to send
    assert outcome.to_others == [framing.update(update)] and outcome.to_sender == []
    # Her SyncStep1 is answered from the room, which holds it too.
    answer = docs.receive(session, "s1", "t:1", framing.sync_step1(b"\x00"))
    assert text_of(framing.decode(answer.to_sender[0]).payload) == "Protokół"


def test_updates_inside_a_sync_step2_are_stored_too(world):
    docs, session = process(world), world[0]()
    docs.join(session, "s1", "ala", "t:1")
    offline = Editor()
    offline.type(0, "pisane bez sieci")
    outcome = docs.receive(session, "s1", "t:1", framing.sync_step2(offline.doc.get_update()))
    assert outcome.ok and stored_text(world) == "pisane bez sieci"
    assert framing.decode(outcome.to_others[0]).step == framing.UPDATE  # relayed as an update


def test_a_reader_may_not_write_but_may_answer_the_servers_step1(world):
    docs, session = process(world), world[0]()
    docs.join(session, "s1", "ala", "t:1")
    anna = Editor()
    anna.type(0, "Ala ma kota")
    docs.receive(session, "s1", "t:1", framing.update(anna.erase(0, 4)))
    docs.receive(session, "s1", "t:1", framing.update(anna.made[0]))
    docs.join(session, "s2", "ola", "t:1")

    ola = Editor()
    for update in anna.made:
        ola.take(update)
    # What a y-protocols client answers: everything past the server's state vector — nothing
    # new here but the deletions, which the server has.
    step2 = framing.sync_step2(ola.doc.get_update(pycrdt.Doc().get_state()))
    assert docs.receive(session, "s2", "t:1", step2).ack == {"ok": True}
    assert docs.receive(session, "s2", "t:1", framing.sync_step2(b"\x00\x00")).ack == {"ok": True}

    for message in (framing.update(ola.type(0, "x")), framing.sync_step2(ola.doc.get_update()),
                    framing.update(ola.erase(0, 3))):
        refused = docs.receive(session, "s2", "t:1", message)
        assert refused.ack["error"]["code"] == "read_only" and not refused.to_others
    assert stored_text(world) == "ma kota"
    assert world[1].pending(session, "t:1") == 2  # only Ala's two updates


def test_messages_need_a_join_and_must_be_whole(world):
    docs, session = process(world), world[0]()
    assert docs.receive(session, "s1", "t:1", framing.update(b"\x00\x00")).ack["error"]["code"] == "not_joined"
    docs.join(session, "s1", "ala", "t:1")
    for broken in (b"\x00\x02\x07garbage", b"\x00\x02\x03abc", b"\x05", "tekst"):
        assert docs.receive(session, "s1", "t:1", broken).ack["error"]["code"] == "invalid"
    assert docs.receive(session, "s1", "t:1", framing.sync_step1(b"\xff")).ack["error"]["code"] == "invalid"
    assert world[1].pending(session, "t:1") == 0


def test_presence_is_relayed_sent_to_joiners_and_cleared_when_she_leaves(world):
    docs, session = process(world), world[0]()
    docs.join(session, "s1", "ala", "t:1")
    hello = framing.encode_awareness([Presence(11, 1, '{"user":{"name":"Ala"}}'),
                                      Presence(12, 4, '{"user":{"name":"Ala, tablet"}}')])
    relayed = docs.receive(session, "s1", "t:1", framing.awareness(hello))
    assert relayed.to_others == [framing.awareness(hello)]
    joined = docs.join(session, "s2", "ola", "t:1")
    assert framing.decode_awareness(framing.decode(joined.to_sender[1]).payload) == framing.decode_awareness(hello)

    left = docs.leave(session, "s1", "t:1")
    removal = framing.decode_awareness(framing.decode(left.to_others[0]).payload)
    assert removal == [Presence(11, 1, "null"), Presence(12, 4, "null")]
    assert not left.compact and docs.receive(session, "s1", "t:1", framing.awareness(hello)).ack["error"]["code"] == "not_joined"
    assert docs.leave(session, "s2", "t:1").compact and "t:1" not in docs.rooms  # the last one out


def test_a_failed_store_acknowledges_nothing_and_relays_nothing(world, monkeypatch):
    docs, session = process(world), world[0]()
    docs.join(session, "s1", "ala", "t:1")

    def down(*_args):
        raise OperationalError("INSERT", {}, Exception("disk full"))

    monkeypatch.setattr(world[1], "append", down)
    outcome = docs.receive(session, "s1", "t:1", framing.update(Editor().type(0, "zgubione?")))
    assert outcome.ack["error"]["code"] == "unavailable" and not outcome.to_others
    assert text_of(docs.rooms["t:1"].update()) == ""  # the room took nothing either


def test_two_processes_never_answer_from_a_stale_copy(world):
    make, store = world
    a, b = process(world), process(world)
    sa, sb = make(), make()
    a.join(sa, "s1", "ala", "t:1")
    b.join(sb, "s2", "ala", "t:1")  # B's room is open (and empty) before A writes
    anna = Editor()
    a.receive(sa, "s1", "t:1", framing.update(anna.type(0, "z A")))
    # A joiner on B is answered from the store, not from B's older room.
    fresh = b.join(sb, "s3", "ala", "t:1")
    assert framing.decode(fresh.to_sender[0]).payload == anna.doc.get_state()
    # B's own update finds it missed nothing either.
    a.receive(sa, "s1", "t:1", framing.update(anna.type(3, " i dalej")))
    jan = Editor()
    jan.take(anna.doc.get_update())
    b.receive(sb, "s2", "t:1", framing.update(jan.type(0, "B: ")))
    assert text_of(b.rooms["t:1"].update()) == "B: z A i dalej" == stored_text(world)


def test_updates_out_of_causal_order_are_all_in_every_answer(world):
    """One client's messages are handled concurrently, so a later keystroke may be stored
    before the one it follows. A Yjs document holds such an update aside (pending) and Yrs
    leaves it out of what it encodes; the room answers from merged updates, which keep it."""
    docs, session = process(world), world[0]()
    docs.join(session, "s1", "ala", "t:1")
    anna = Editor()
    first, second, third = anna.type(0, "a"), anna.type(1, "b"), anna.type(2, "c")
    for update in (third, second):  # "c" and "b" arrive before the "a" they follow
        docs.receive(session, "s1", "t:1", framing.update(update))
    docs.join(session, "s2", "ola", "t:1")
    answer = docs.receive(session, "s2", "t:1", framing.sync_step1(b"\x00"))
    docs.receive(session, "s1", "t:1", framing.update(first))
    ola = Editor()
    ola.take(framing.decode(answer.to_sender[0]).payload)  # what she was told while "a" was missing
    ola.take(first)  # then "a", relayed
    assert str(ola) == "abc"


def test_compaction_is_due_after_so_many_updates_and_loses_nothing(world):
    make, store = world
    docs, session = process(world, compact_after=5), make()
    docs.join(session, "s1", "ala", "t:1")
    anna = Editor()
    due = [docs.receive(session, "s1", "t:1", framing.update(anna.type(i, chr(0x61 + i)))).compact for i in range(6)]
    assert due == [False, False, False, False, True, True]
    assert docs.compact(session, "t:1") and store.pending(session, "t:1") == 0
    docs.leave(session, "s1", "t:1")
    again = process(world)  # a restarted process
    again.join(session, "s9", "ola", "t:1")
    assert text_of(again.rooms["t:1"].update()) == "abcdef" == str(anna)


def test_the_http_exchange_stores_and_answers_what_she_lacks(world):
    make, store = world
    docs, session = process(world), make()
    anna, ola = Editor(), Editor()
    outcome, answer = docs.exchange(session, "ala", "t:1", None, [anna.type(0, "Plan pracy")])
    assert outcome.ok and text_of(answer["update"]) == "Plan pracy" and answer["read_only"] is False
    assert outcome.to_others and stored_text(world) == "Plan pracy"
    outcome, answer = docs.exchange(session, "ola", "t:1", ola.doc.get_state(), [])
    ola.take(answer["update"])
    assert str(ola) == "Plan pracy" and answer["read_only"] is True and not outcome.to_others
    assert docs.exchange(session, "ola", "t:1", None, [ola.type(0, "x")])[0].ack["error"]["code"] == "read_only"
    assert docs.exchange(session, "ewa", "t:1", None, [])[0].ack["error"]["code"] == "forbidden"
    assert docs.exchange(session, "ala", "t:1", b"\xff\xff", [])[0].ack["error"]["code"] == "invalid"
    assert docs.exchange(session, "ala", "t:1", None, [b"\x09junk"])[0].ack["error"]["code"] == "invalid"
    assert stored_text(world) == "Plan pracy"
