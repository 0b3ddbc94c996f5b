"""Push: each mutation once, in order, atomically; refusals explained; gaps refused."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sync.errors import ClientNotYours, MutatorBug
from tests.unit.notes_domain import Note


def note(i: int, board: str = "a", text: str | None = None) -> dict:
    return {"id": i, "name": "note.create", "args": {"id": f"n{i}", "board": board, "text": text or f"note {i}"}}


def count_notes(session) -> int:
    return session.scalar(select(func.count(Note.id)))


def test_applies_in_order_and_remembers_the_last_id(engine_parts):
    engine, session, pokes = engine_parts
    out = engine.push(session, "ala", "c1", [note(1), note(2, "b")])
    assert [r["status"] for r in out.results] == ["applied", "applied"]
    assert out.last_mutation_id == 2 and not out.gap
    assert count_notes(session) == 2
    assert pokes.pokes == [["board:a", "board:b"]]


def test_an_id_already_processed_is_a_duplicate_with_no_effect(engine_parts):
    engine, session, _ = engine_parts
    engine.push(session, "ala", "c1", [note(1), note(2)])
    out = engine.push(session, "ala", "c1", [note(1), note(2), note(3)])
    assert [r["status"] for r in out.results] == ["duplicate", "duplicate", "applied"]
    assert count_notes(session) == 3


def test_a_gap_stops_the_batch_and_keeps_what_came_before(engine_parts):
    engine, session, _ = engine_parts
    out = engine.push(session, "ala", "c1", [note(1), note(2), note(4), note(5)])
    assert out.gap
    assert [r["id"] for r in out.results] == [1, 2]
    assert out.last_mutation_id == 2
    assert count_notes(session) == 2
    # The first mutation of a new client must be 1.
    assert engine.push(session, "ala", "c2", [note(7)]).gap


def test_a_refused_mutation_counts_as_processed_and_keeps_nothing(engine_parts):
    engine, session, _ = engine_parts
    out = engine.push(session, "ola", "c1", [note(1, "a"), note(2, "b")])
    assert out.results[0] == {"id": 1, "status": "rejected", "error": {"code": "forbidden", "message": "not your board"}}
    assert out.results[1]["status"] == "applied"
    assert out.last_mutation_id == 2
    assert session.scalars(select(Note.id)).all() == ["n2"]


def test_invalid_args_and_unknown_names_are_rejected_with_reasons(engine_parts):
    engine, session, _ = engine_parts
    out = engine.push(
        session,
        "ala",
        "c1",
        [
            {"id": 1, "name": "note.create", "args": {"id": "n1", "board": "a", "text": ""}},
            {"id": 2, "name": "note.fly", "args": {}},
            {"id": 3, "name": "note.create", "args": {"id": "n3", "board": "a", "text": "ok", "extra": 1}},
        ],
    )
    first, second, third = out.results
    assert first["error"]["code"] == "invalid" and "text" in first["error"]["fields"]
    assert second["error"]["code"] == "unknown_mutation"
    assert third["error"]["code"] == "invalid" and "extra" in third["error"]["fields"]
    assert out.last_mutation_id == 3 and count_notes(session) == 0


def test_a_database_conflict_rejects_only_that_mutation(engine_parts):
    engine, session, _ = engine_parts
    engine.push(session, "ala", "c1", [note(1)])
    # Another device reuses the id n1: the fast path fails at flush, the careful replay isolates it.
    out = engine.push(session, "ala", "c2", [note(1, text="again")] + [note(i) for i in range(2, 5)])
    assert [r["status"] for r in out.results] == ["rejected", "applied", "applied", "applied"]
    assert out.results[0]["error"]["code"] == "conflict"
    assert session.get(Note, "n1").text == "note 1"
    assert count_notes(session) == 4


def test_a_refusal_after_writing_rolls_the_whole_batch_back(engine_parts):
    engine, session, _ = engine_parts
    bad = {"id": 2, "name": "note.refuse_late", "args": {"id": "x", "board": "a", "text": "t"}}
    with pytest.raises(MutatorBug):
        engine.push(session, "ala", "c1", [note(1), bad])
    assert count_notes(session) == 0
    # Nothing was counted either: the device will send both again.
    assert engine.push(session, "ala", "c1", [note(1)]).results[0]["status"] == "applied"


def test_a_client_id_belongs_to_one_user(engine_parts):
    engine, session, _ = engine_parts
    engine.push(session, "ala", "c1", [note(1)])
    with pytest.raises(ClientNotYours):
        engine.push(session, "ola", "c1", [note(2, "b")])


def test_rejections_alone_poke_nobody(engine_parts):
    engine, session, pokes = engine_parts
    engine.push(session, "ola", "c1", [note(1, "a")])
    assert pokes.pokes == [[]]


def test_a_repeated_push_says_again_how_each_mutation_ended(engine_parts):
    """A device that lost the answer sends the batch again and learns what was refused."""
    engine, session, _ = engine_parts
    first = engine.push(session, "ola", "c1", [note(1, "a"), note(2, "b")])
    again = engine.push(session, "ola", "c1", [note(1, "a"), note(2, "b")])
    assert again.results == [
        {"id": 1, "status": "duplicate", "error": first.results[0]["error"]},
        {"id": 2, "status": "duplicate"},
    ]
