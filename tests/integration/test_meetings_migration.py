"""Migration 0012: the meetings' tables, and attachments that may hang under a meeting; back
down without losing the files of posts and good practices."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from server import migrate
from server.db import make_engine
from tests.databases import fresh_postgres
from tests.integration.test_thread_counts_migration import fresh_sqlite

def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_meetings_come_and_go(backend, tmp_path):
    with (fresh_sqlite(tmp_path) if backend == "sqlite" else fresh_postgres()) as url:
        command.upgrade(migrate.alembic_config(url), "0012")
        assert {"meeting", "meeting_rsvp", "attendance"} <= _tables(url)
        engine = make_engine(url)
        assert "meeting_id" in {c["name"] for c in inspect(engine).get_columns("attachment")}
        assert "ix_attachment_meeting_id" in {i["name"] for i in inspect(engine).get_indexes("attachment")}
        (one_parent,) = [c["sqltext"] for c in inspect(engine).get_check_constraints("attachment")]
        assert "meeting_id" in one_parent
        engine.dispose()
        command.downgrade(migrate.alembic_config(url), "0011")
        assert not {"meeting", "meeting_rsvp", "attendance"} & _tables(url)
        engine = make_engine(url)
        assert "meeting_id" not in {c["name"] for c in inspect(engine).get_columns("attachment")}
        assert {i["name"] for i in inspect(engine).get_indexes("attachment")} >= {"ix_attachment_post_id",
                                                                                   "ix_attachment_resource_id"}
        engine.dispose()
        migrate.upgrade(url)
