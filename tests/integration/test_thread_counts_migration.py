"""Migration 0009 gives every thread of an existing database its count of live replies."""
from __future__ import annotations

from contextlib import contextmanager

import pytest
from alembic import command
from sqlalchemy import text

from server import demo, migrate
from server.app import create_app
from server.db import make_engine
from server.extensions import db
from tests.databases import fresh_postgres


@contextmanager
def fresh_sqlite(tmp_path):
    yield f"sqlite:///{tmp_path / 'old.db'}"


COUNTS = text(
    "SELECT t.id, t.post_count, (SELECT count(*) FROM post p WHERE p.thread_id = t.id AND p.deleted_at IS NULL) "
    "FROM thread t"
)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_an_existing_forum_gets_its_counts(backend, tmp_path):
    with (fresh_sqlite(tmp_path) if backend == "sqlite" else fresh_postgres()) as url:
        migrate.upgrade(url)
        app = create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": "t", "MAIL_URL": None,
                          "MAIL_DIR": str(tmp_path / "mail"), "PWA_DIST": str(tmp_path), "REDIS_URL": None,
                          "BACKGROUND_INLINE": True})
        with app.app_context():
            demo.seed(db.session)
            db.session.remove()
            db.engine.dispose()

        command.downgrade(migrate.alembic_config(url), "0008")  # a database from before the counts
        engine = make_engine(url)
        with engine.begin() as conn:
            # One reply deleted while the database was old: a tombstone does not count.
            victim = conn.execute(text("SELECT id, thread_id FROM post ORDER BY created_at DESC LIMIT 1")).one()
            conn.execute(text("UPDATE post SET deleted_at = created_at WHERE id = :id"), {"id": victim.id})
        engine.dispose()

        migrate.upgrade(url)
        engine = make_engine(url)
        with engine.connect() as conn:
            rows = conn.execute(COUNTS).all()
        engine.dispose()
        assert rows and all(stored == live for _id, stored, live in rows)
        assert any(stored > 1 for _id, stored, _live in rows)  # the demo's threads have replies
