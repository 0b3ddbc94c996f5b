"""Rows written by plain INSERT (sync/inserts.py) and work collected for the
end of the batch (MutationContext.collect) behave like any other write."""
from __future__ import annotations

import pytest

from sync.errors import MutatorBug
from tests.unit.notes_domain import Note


def insert(i: int, board: str = "a", name: str = "note.insert", note_id: str | None = None) -> dict:
    return {"id": i, "name": name, "args": {"id": note_id or f"n{i}", "board": board, "text": f"note {i}"}}


def test_a_later_mutation_sees_rows_inserted_before_it(engine_parts):
    engine, session, _ = engine_parts
    out = engine.push(session, "ala", "c1", [insert(1), insert(2), {"id": 3, "name": "note.delete", "args": {"id": "n1"}}])
    assert [r["status"] for r in out.results] == ["applied"] * 3
    session.expire_all()
    assert session.get(Note, "n1").deleted and not session.get(Note, "n2").deleted


def test_the_batch_ends_with_one_tally_per_key_of_what_was_applied(engine_parts):
    engine, session, _ = engine_parts
    out = engine.push(session, "ala", "c1", [insert(1), insert(2, "b"), insert(3, note_id="n1"), insert(4)])
    assert [r["status"] for r in out.results] == ["applied", "applied", "rejected", "applied"]
    session.expire_all()
    assert session.get(Note, "tally-a").text == "n1 n4"  # the conflicting n1 twin is not counted
    assert session.get(Note, "tally-b").text == "n2"
    engine.push(session, "ala", "c1", [insert(5)])
    session.expire_all()
    assert session.get(Note, "tally-a").text == "n1 n4 n5"


def test_a_failed_push_forgets_rows_waiting_for_their_insert(engine_parts):
    engine, session, _ = engine_parts
    with pytest.raises(MutatorBug):
        engine.push(session, "ala", "c1", [insert(1), insert(2, name="note.insert_refuse_late")])
    engine.push(session, "ala", "c1", [insert(1, note_id="other")])
    session.expire_all()
    assert session.get(Note, "n1") is None and session.get(Note, "n2") is None
    assert session.get(Note, "other") is not None


def test_a_refused_mutation_is_not_tallied(engine_parts):
    engine, session, _ = engine_parts
    out = engine.push(session, "ala", "c1", [insert(1), insert(2, "c")])  # no access to board c
    assert [r["status"] for r in out.results] == ["applied", "rejected"]
    session.expire_all()
    assert session.get(Note, "tally-c") is None and session.get(Note, "tally-a").text == "n1"
