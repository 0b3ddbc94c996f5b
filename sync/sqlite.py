"""The engine's transaction rules on SQLite, for whoever makes the database engine.

SQLite's driver opens transactions on its own, deferred: a push that read first could
not take the write lock later and would fail with "database is locked" at once. Here
SQLAlchemy opens them instead (a real BEGIN, so savepoints work), a writer takes the
write lock up front (BEGIN IMMEDIATE: it waits its turn), and a transaction begun with
:func:`sync.reading.begin_read_only` starts deferred and never blocks a writer.

Writers of one process also wait their turn on a Python lock before BEGIN IMMEDIATE.
Under gevent that lock is cooperative: a waiting greenlet lets the one holding SQLite's
write lock go on (say, to a mail server) and commit, where SQLite's own busy wait would
stop the whole process, the holder with it, until busy_timeout gave up.
"""
from __future__ import annotations

import threading

from sqlalchemy import event
from sqlalchemy.engine import Engine

from sync.reading import READ_ONLY


def use_transaction_rules(engine: Engine) -> None:
    """Install the rules on a SQLite ``engine`` (call before its first connection)."""

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None

    writers = _Writers()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        if conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
            return
        writers.take(conn.info)
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            writers.give_back(conn.info)
            raise

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _end(conn) -> None:
        writers.give_back(conn.info)

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_conn, record) -> None:  # closed without a rollback: still ends
        writers.give_back(record.info)


class _Writers:
    """The process's turn to write, held from a writer's BEGIN to its end."""

    HELD = "sync_sqlite_writer"

    def __init__(self, patience: float = 30.0):
        self.patience = patience  # as SQLite's busy_timeout: then BEGIN IMMEDIATE decides
        self._lock = threading.Lock()
        self._owner: int | None = None

    def take(self, info: dict) -> None:
        if self._owner == threading.get_ident():
            return  # her second connection: SQLite answers it (waits, then "locked") as before
        if self._lock.acquire(timeout=self.patience):
            self._owner = threading.get_ident()
            info[self.HELD] = True

    def give_back(self, info: dict) -> None:
        if info.pop(self.HELD, False):
            self._owner = None
            self._lock.release()
