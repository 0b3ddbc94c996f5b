"""Many rows into one table, straight to the driver's executemany.

SQLAlchemy's own executemany builds and type-processes the parameters of every
row anew; for the thousand replies of one push that costs as much as the
database's own work. Here each column's bind processor (dates to UTC, JSON to
text) is looked up once, and the rows go to the driver as plain tuples for one
single-row statement. (sqlite3 loops in C; psycopg pipelines the rows. A
multi-row VALUES list was measured slower on psycopg: it converts thousands of
placeholders per statement.)
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from sqlalchemy import Table
from sqlalchemy.engine import Connection

Processor = Callable[[Any], Any] | None
_PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT ``rows`` (dicts with the same keys) into ``table``."""
    _write(connection, table, rows, "")


def upsert(
    connection: Connection, table: Table, rows: list[dict[str, Any]], key: Iterable[str], update: Iterable[str]
) -> None:
    """INSERT ``rows``; where ``key`` exists already, overwrite the ``update`` columns instead."""
    quote = connection.dialect.identifier_preparer.quote
    tail = (f" ON CONFLICT ({', '.join(quote(k) for k in key)}) DO UPDATE SET "
            + ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in update))
    _write(connection, table, rows, tail)


def _write(connection: Connection, table: Table, rows: list[dict[str, Any]], tail: str) -> None:
    if not rows:
        return
    dialect = connection.dialect
    keys = list(rows[0])
    processors = [table.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys]
    values = [_processed(row, keys, processors) for row in rows]
    placeholder = _PLACEHOLDER.get(dialect.paramstyle)
    if placeholder is None:
        raise NotImplementedError(f"bulk writes for the {dialect.paramstyle!r} parameter style")
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(k) for k in keys)}) "
           f"VALUES ({', '.join([placeholder] * len(keys))}){tail}")
    connection.exec_driver_sql(sql, values)


def _processed(row: dict[str, Any], keys: list[str], processors: list[Processor]) -> tuple:
    return tuple(p(row[k]) if p else row[k] for k, p in zip(keys, processors))
