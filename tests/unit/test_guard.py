"""The guard: a row type's model written outside a mutation fails loudly; through the
engine, and for tables devices never hold, writes go as before."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, update

from sync import Registry, WriteOutsideMutation
from tests.unit.notes_domain import Access, Note


def _note(engine, session, note_id: str = "n1") -> None:
    engine.push(session, "ala", "c1", [{"id": 1, "name": "note.create",
                                         "args": {"id": note_id, "board": "a", "text": "przez silnik"}}])


def test_a_row_added_outside_a_mutation_is_refused(engine_parts):
    _, session, _ = engine_parts
    session.add(Note(id="n1", board="a", owner="ala", text="obok silnika"))
    with pytest.raises(WriteOutsideMutation, match="note row added"):
        session.flush()
    session.rollback()
    assert session.get(Note, "n1") is None


@pytest.mark.parametrize("how", ["attribute", "delete", "update statement", "delete statement"])
def test_a_row_changed_or_deleted_outside_a_mutation_is_refused(engine_parts, how):
    engine, session, _ = engine_parts
    _note(engine, session)
    note = session.get(Note, "n1")
    with pytest.raises(WriteOutsideMutation):
        if how == "attribute":
            note.text = "po cichu"
            session.commit()
        elif how == "delete":
            session.delete(note)
            session.flush()
        elif how == "update statement":
            session.execute(update(Note).where(Note.id == "n1").values(text="po cichu"))
        else:
            session.execute(delete(Note.__table__).where(Note.id == "n1"))
    session.rollback()
    assert session.get(Note, "n1").text == "przez silnik"


def test_writes_through_the_engine_pass(engine_parts):
    engine, session, pokes = engine_parts
    _note(engine, session)
    with engine.writing(session, "ala") as ctx:
        note = session.get(Note, "n1")
        note.text = "poprawione na serwerze"
        ctx.put("note", note, ["board:a"])
        session.execute(update(Note).where(Note.id == "n1").values(deleted=False))
    assert session.get(Note, "n1").text == "poprawione na serwerze"
    assert pokes.pokes[-1] == ["board:a"]


def test_tables_devices_never_hold_are_not_watched(engine_parts):
    _, session, _ = engine_parts
    session.add(Access(user_id="ola", board="a"))
    session.commit()
    session.get(Note, "none")  # reading is never refused


def test_a_row_type_names_its_model_or_its_serializer_does():
    registry = Registry()

    def serialize(note: Note) -> dict:
        return {"id": note.id}

    registry.row_type("note", serialize)
    assert registry.models == {Note: "note"}
    with pytest.raises(ValueError, match="model="):
        registry.row_type("loose", lambda row: {"id": row.id})
