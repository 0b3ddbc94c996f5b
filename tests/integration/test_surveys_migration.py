"""Migration 0015: the surveys' tables (an anonymous response has no person and no time), and
back down to 0014; the models agree with what it makes."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from server import migrate
from server.db import make_engine
from tests.databases import fresh_postgres
from tests.integration.test_thread_counts_migration import fresh_sqlite

TABLES = {"survey", "survey_response", "survey_answered"}


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_surveys_come_and_go(backend, tmp_path):
    with (fresh_sqlite(tmp_path) if backend == "sqlite" else fresh_postgres()) as url:
        command.upgrade(migrate.alembic_config(url), "0015")
        engine = make_engine(url)
        try:
            assert TABLES <= set(inspect(engine).get_table_names())
            columns = {c["name"]: c for c in inspect(engine).get_columns("survey_response")}
            assert columns["user_id"]["nullable"] and columns["at"]["nullable"] and columns["key_hash"]["nullable"]
            unique = {u["name"] for u in inspect(engine).get_unique_constraints("survey_response")}
            assert {"uq_survey_response_user", "uq_survey_response_key"} <= unique
        finally:
            engine.dispose()
        command.downgrade(migrate.alembic_config(url), "0014")
        engine = make_engine(url)
        try:
            assert not TABLES & set(inspect(engine).get_table_names())
        finally:
            engine.dispose()
        migrate.upgrade(url)
