"""y-websocket's framing, as sync/docs/framing.py writes and reads it: the same bytes as
pycrdt's (and so y-protocols') helpers, and broken messages refused, never half-read."""
from __future__ import annotations

import pycrdt
import pytest

from sync.docs import framing
from sync.docs.framing import FramingError, Presence


@pytest.mark.parametrize("value,encoded", [(0, b"\x00"), (1, b"\x01"), (127, b"\x7f"), (128, b"\x80\x01"),
                                           (300, b"\xac\x02"), (2**32, b"\x80\x80\x80\x80\x10")])
def test_varints_are_lib0s(value, encoded):
    assert framing.var_uint(value) == encoded
    assert framing.read_var_uint(encoded, 0) == (value, len(encoded))


def test_sync_messages_match_pycrdt():
    doc = pycrdt.Doc()
    doc["text"] = pycrdt.Text("Protokół")
    update, state = doc.get_update(), doc.get_state()
    assert framing.sync_step1(state) == pycrdt.create_sync_message(doc)
    assert framing.update(update) == pycrdt.create_update_message(update)
    reply = pycrdt.handle_sync_message(framing.sync_step1(b"\x00")[1:], doc)
    assert framing.decode(reply) == framing.Message(framing.SYNC, framing.STEP2, update)
    for made, step, payload in [(framing.sync_step1(state), framing.STEP1, state),
                                (framing.sync_step2(update), framing.STEP2, update),
                                (framing.update(update), framing.UPDATE, update)]:
        assert framing.decode(made) == framing.Message(framing.SYNC, step, payload)


def test_awareness_round_trips_with_pycrdts_awareness():
    doc = pycrdt.Doc()
    awareness = pycrdt.Awareness(doc)
    awareness.set_local_state({"user": {"name": "Anna Nowak", "color": "#d33"}, "cursor": None})
    encoded = awareness.encode_awareness_update([doc.client_id])
    entries = framing.decode_awareness(encoded)
    assert [(e.client_id, e.clock) for e in entries] == [(doc.client_id, 1)]
    assert framing.encode_awareness(entries) == encoded
    message = framing.awareness(encoded)
    assert message == pycrdt.create_awareness_message(encoded)
    assert framing.decode(message) == framing.Message(framing.AWARENESS, None, encoded)


def test_a_removal_is_null_with_the_same_clock():
    gone = framing.encode_awareness([Presence(7, 3, "null")])
    other = pycrdt.Awareness(pycrdt.Doc())
    other.apply_awareness_update(framing.encode_awareness([Presence(7, 3, '{"user":{"name":"A"}}')]), "x")
    assert 7 in other.states
    other.apply_awareness_update(gone, "x")
    assert 7 not in other.states


@pytest.mark.parametrize("broken", [
    b"",  # nothing
    b"\x00",  # a sync message with no step
    b"\x00\x05\x00",  # an unknown step
    b"\x00\x02\x05ab",  # a payload shorter than its length
    b"\x09\x00",  # an unknown type
    b"\x00\x02\xff\xff\xff\xff\xff\xff\xff\xff\xff",  # a length no one writes
    "text",  # not binary at all
])
def test_broken_messages_are_refused(broken):
    with pytest.raises(FramingError):
        framing.decode(broken)


def test_broken_awareness_is_refused():
    with pytest.raises(FramingError):
        framing.decode_awareness(b"\x01\x07\x01\x03{x}")  # not JSON
    with pytest.raises(FramingError):
        framing.decode_awareness(b"\x02\x07\x01\x02{}")  # two entries promised, one there
