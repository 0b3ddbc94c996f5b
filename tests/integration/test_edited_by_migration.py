"""Migration 0023: resource.edited_by (who edited a good practice last), and back down to 0022."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from server import migrate
from server.db import make_engine
from tests.databases import fresh_postgres
from tests.integration.test_thread_counts_migration import fresh_sqlite


def columns(url: str) -> dict:
    engine = make_engine(url)
    try:
        return {c["name"]: c for c in inspect(engine).get_columns("resource")}
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_edited_by_comes_and_goes(backend, tmp_path):
    with (fresh_sqlite(tmp_path) if backend == "sqlite" else fresh_postgres()) as url:
        command.upgrade(migrate.alembic_config(url), "0023")
        assert columns(url)["edited_by"]["nullable"]
        command.downgrade(migrate.alembic_config(url), "0022")
        assert "edited_by" not in columns(url)
