"""Migration 0019: the plans' tables, and back down to 0018."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from server import migrate
from server.db import make_engine
from tests.databases import fresh_postgres
from tests.integration.test_thread_counts_migration import fresh_sqlite

TABLES = {"plan", "plan_version", "plan_task", "plan_approver"}


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_plans_come_and_go(backend, tmp_path):
    with (fresh_sqlite(tmp_path) if backend == "sqlite" else fresh_postgres()) as url:
        command.upgrade(migrate.alembic_config(url), "0019")
        engine = make_engine(url)
        try:
            assert TABLES <= set(inspect(engine).get_table_names())
            unique = {u["name"] for u in inspect(engine).get_unique_constraints("plan")}
            assert "uq_plan_network_year" in unique
            columns = {c["name"]: c for c in inspect(engine).get_columns("plan_task")}
            assert columns["owner_id"]["nullable"] and columns["due_on"]["nullable"]
        finally:
            engine.dispose()
        command.downgrade(migrate.alembic_config(url), "0018")
        engine = make_engine(url)
        try:
            assert not TABLES & set(inspect(engine).get_table_names())
        finally:
            engine.dispose()
