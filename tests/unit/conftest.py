"""The engine on its own: a SQLite database holding its tables and the notes domain's."""
from __future__ import annotations

import pytest
from sqlalchemy.orm import sessionmaker

from server.db import make_engine
from sync import SyncEngine
from sync.models import SyncBase
from tests.unit.notes_domain import Access, NotesBase, build_registry


class Recorder:
    def __init__(self):
        self.pokes: list[list[str]] = []

    def __call__(self, scopes: list[str]) -> None:
        self.pokes.append(scopes)


@pytest.fixture
def engine_parts(tmp_path):
    db = make_engine(f"sqlite:///{tmp_path / 'engine.db'}")
    SyncBase.metadata.create_all(db)
    NotesBase.metadata.create_all(db)
    sessions = sessionmaker(db, expire_on_commit=False)
    session = sessions()
    session.add_all([Access(user_id="ala", board="a"), Access(user_id="ala", board="b"), Access(user_id="ola", board="b")])
    session.commit()
    pokes = Recorder()
    engine = SyncEngine(build_registry(), notify=pokes)
    engine.guard(sessions)  # as the server's: a note written outside a mutation is refused
    yield engine, session, pokes
    session.close()
    db.dispose()
