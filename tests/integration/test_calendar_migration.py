"""Migration 0013: a calendar secret (none at first), share_email (off for everyone already
there), meeting_reminder, and attachments on queued letters; and back to 0012 without them."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from server import migrate
from server.db import make_engine
from tests.databases import fresh_postgres
from tests.integration.test_thread_counts_migration import fresh_sqlite


def _shape(url: str) -> tuple[set[str], set[str], set[str]]:
    engine = make_engine(url)
    try:
        seen = inspect(engine)
        return ({c["name"] for c in seen.get_columns("user_account")},
                {c["name"] for c in seen.get_columns("outgoing_mail")}, set(seen.get_table_names()))
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_calendar_and_contacts_come_and_go(backend, tmp_path):
    with (fresh_sqlite(tmp_path) if backend == "sqlite" else fresh_postgres()) as url:
        command.upgrade(migrate.alembic_config(url), "0012")
        engine = make_engine(url)
        with engine.begin() as conn:  # someone who was there before
            conn.execute(text("INSERT INTO user_account (id, email, name, function, subjects, is_staff, is_admin, "
                              "created_at) VALUES ('u1', 'a@example.org', 'Anna', 'teacher', '[]', false, false, "
                              "CURRENT_TIMESTAMP)"))
        engine.dispose()
        command.upgrade(migrate.alembic_config(url), "0013")
        people, mail, tables = _shape(url)
        assert {"calendar_token", "share_email"} <= people and "attachments" in mail and "meeting_reminder" in tables
        engine = make_engine(url)
        with engine.connect() as conn:
            row = conn.execute(text("SELECT calendar_token, share_email FROM user_account")).one()
        engine.dispose()
        assert row.calendar_token is None and not row.share_email
        command.downgrade(migrate.alembic_config(url), "0012")
        people, mail, tables = _shape(url)
        assert not {"calendar_token", "share_email"} & people and "attachments" not in mail
        assert "meeting_reminder" not in tables
