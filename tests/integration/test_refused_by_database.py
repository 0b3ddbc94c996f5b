"""The engine's net under every schema: a value the database will not store (too long for its
column, a NUL on PostgreSQL) rejects that one mutation as invalid; the batch goes on, never a 500.
The notes domain's schema leaves a note id's length unchecked; PostgreSQL checks it (36)."""
from __future__ import annotations

import pytest
from sqlalchemy.orm import sessionmaker

from server.db import make_engine
from sync import SyncEngine
from sync.models import SyncBase
from tests.databases import fresh_postgres
from tests.unit.notes_domain import Access, Note, NotesBase, build_registry

pytestmark = pytest.mark.pg


@pytest.fixture
def notes_on_postgres():
    with fresh_postgres() as url:
        db = make_engine(url)
        SyncBase.metadata.create_all(db)
        NotesBase.metadata.create_all(db)
        session = sessionmaker(db, expire_on_commit=False)()
        session.add(Access(user_id="ala", board="a"))
        session.commit()
        yield SyncEngine(build_registry()), session
        session.close()
        db.dispose()


def note(mid: int, note_id: str, text: str = "tekst") -> dict:
    return {"id": mid, "name": "note.create", "args": {"id": note_id, "board": "a", "text": text}}


def test_what_the_database_refuses_rejects_only_that_mutation(notes_on_postgres):
    engine, session = notes_on_postgres
    batch = [note(1, "n1"), note(2, "n2" * 20), note(3, "n3", text="PDF\x00"), note(4, "n4")]
    out = engine.push(session, "ala", "phone", batch)
    assert [r["status"] for r in out.results] == ["applied", "rejected", "rejected", "applied"]
    assert [r["error"]["code"] for r in out.results if r["status"] == "rejected"] == ["invalid", "invalid"]
    assert out.last_mutation_id == 4
    assert sorted(session.get(Note, i) is not None for i in ("n1", "n2" * 20, "n3", "n4")) == [False, False, True, True]
    assert [r["status"] for r in engine.push(session, "ala", "phone", [note(5, "n5")]).results] == ["applied"]
