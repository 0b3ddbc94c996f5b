"""Migration 0010 gives memberships room for her message, and goes back without losing the rest."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from server import migrate
from server.db import make_engine
from tests.databases import fresh_postgres
from tests.integration.test_thread_counts_migration import fresh_sqlite


def columns(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return {c["name"] for c in inspect(engine).get_columns("membership")}
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_membership_message_comes_and_goes(backend, tmp_path):
    with (fresh_sqlite(tmp_path) if backend == "sqlite" else fresh_postgres()) as url:
        command.upgrade(migrate.alembic_config(url), "0010")
        assert "message" in columns(url)
        command.downgrade(migrate.alembic_config(url), "0009")
        assert "message" not in columns(url) and "status" in columns(url)
        migrate.upgrade(url)
        engine = make_engine(url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM membership WHERE message IS NOT NULL")).scalar() == 0
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_form_of_address_comes_and_goes(backend, tmp_path):
    """Migration 0011: a person's form of address, unknown (neutral) for everyone at first."""
    with (fresh_sqlite(tmp_path) if backend == "sqlite" else fresh_postgres()) as url:
        command.upgrade(migrate.alembic_config(url), "0011")
        engine = make_engine(url)
        assert "form_of_address" in {c["name"] for c in inspect(engine).get_columns("user_account")}
        engine.dispose()
        command.downgrade(migrate.alembic_config(url), "0010")
        engine = make_engine(url)
        assert "form_of_address" not in {c["name"] for c in inspect(engine).get_columns("user_account")}
        engine.dispose()
