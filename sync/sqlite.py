"""The engine's transaction rules on SQLite, for whoever makes the database engine.

SQLite's driver opens transactions on its own, deferred: a push that read first could
not take the write lock later and would fail with "database is locked" at once. Here
SQLAlchemy opens them instead (a real BEGIN, so savepoints work), a writer takes the
write lock up front (BEGIN IMMEDIATE: it waits its turn), and a transaction begun with
:func:`sync.reading.begin_read_only` starts deferred and never blocks a writer.
"""
from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine

from sync.reading import READ_ONLY


def use_transaction_rules(engine: Engine) -> None:
    """Install the rules on a SQLite ``engine`` (call before its first connection)."""

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")
