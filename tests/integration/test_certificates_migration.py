"""Migration 0016: the certificate table with its number unique per school year and its code
unique; and back to 0015 without it."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from server import migrate
from server.db import make_engine
from tests.databases import fresh_postgres
from tests.integration.test_thread_counts_migration import fresh_sqlite


def _seen(url: str):
    engine = make_engine(url)
    try:
        seen = inspect(engine)
        if "certificate" not in seen.get_table_names():
            return None
        return ({c["name"] for c in seen.get_columns("certificate")},
                {tuple(u["column_names"]) for u in seen.get_unique_constraints("certificate")})
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_certificates_come_and_go(backend, tmp_path):
    with (fresh_sqlite(tmp_path) if backend == "sqlite" else fresh_postgres()) as url:
        command.upgrade(migrate.alembic_config(url), "0015")
        assert _seen(url) is None
        command.upgrade(migrate.alembic_config(url), "0016")
        columns, uniques = _seen(url)
        assert {"school_year", "seq", "code", "name", "school", "meetings", "hours", "revoked_at"} <= columns
        assert {("school_year", "seq"), ("code",)} <= uniques
        command.downgrade(migrate.alembic_config(url), "0015")
        assert _seen(url) is None
