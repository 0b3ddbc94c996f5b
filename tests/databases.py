"""Fresh databases for tests: a SQLite file, and a PostgreSQL database made per run and dropped after."""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator

import pytest
import redis
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from server.db import normalize_url

PG_URL = os.environ.get("KRAG_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("KRAG_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
IN_CI = os.environ.get("CI") == "true"


def _require(service: str, url: str, variable: str, probe) -> None:
    """Skip (or, in CI, fail loudly) when a service the leg needs does not answer."""
    try:
        probe()
    except Exception as exc:  # any failure to connect means the leg cannot run
        message = f"{service} at {url} is unreachable ({exc.__class__.__name__}: {exc})"
        if IN_CI:
            pytest.fail(f"CI=true and {message}: the {service} leg is mandatory.", pytrace=False)
        pytest.skip(f"{message}; set {variable} or start {service} to run this leg.")


def _ping_postgres() -> None:
    engine = create_engine(normalize_url(PG_URL), connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    finally:
        engine.dispose()


def _ping_redis() -> None:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3, socket_timeout=3)
    try:
        client.ping()
    finally:
        client.close()


def require_postgres() -> None:
    _require("PostgreSQL", PG_URL, "KRAG_TEST_PG_URL", _ping_postgres)


def require_redis() -> None:
    _require("Redis", REDIS_URL, "KRAG_TEST_REDIS_URL", _ping_redis)


@contextmanager
def fresh_postgres() -> Iterator[str]:
    require_postgres()
    admin_url = make_url(normalize_url(PG_URL))
    name = f"krag_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
