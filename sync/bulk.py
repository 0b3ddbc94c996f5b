"""One statement, many rows, straight to the driver's executemany.

SQLAlchemy's own executemany builds and type-processes the parameters of every
row anew; for the thousand replies of one push that costs as much as SQLite's
work. Here a statement is compiled once per dialect and set of columns, each
column's bind processor (dates to UTC text, JSON to text) is looked up once,
and the rows go to the driver as plain tuples or dicts.
"""
from __future__ import annotations

from typing import Any, Callable

from sqlalchemy import Table, TextClause
from sqlalchemy.engine import Connection

Processor = Callable[[Any], Any] | None
_Plan = tuple[str, list[tuple[str, Processor]], bool]
_plans: dict[tuple[Any, tuple[str, ...], str], _Plan] = {}


def insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT ``rows`` (dicts with the same keys) into ``table``."""
    _run(connection, table, rows)


def execute(connection: Connection, statement: TextClause, rows: list[dict[str, Any]]) -> None:
    """Run a textual statement with named parameters once per row."""
    _run(connection, statement, rows)


def _run(connection: Connection, target: Table | TextClause, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    keys = tuple(rows[0])
    dialect = connection.dialect
    plan = _plans.get((target, keys, dialect.name))
    if plan is None:
        plan = _plans[(target, keys, dialect.name)] = _plan(target, keys, connection)
    sql, binds, positional = plan
    if positional:
        params: list[Any] = [tuple(p(row[k]) if p else row[k] for k, p in binds) for row in rows]
    else:
        params = [{k: p(row[k]) if p else row[k] for k, p in binds} for row in rows]
    connection.exec_driver_sql(sql, params)


def _plan(target: Table | TextClause, keys: tuple[str, ...], connection: Connection) -> _Plan:
    dialect = connection.dialect
    if isinstance(target, Table):
        compiled = target.insert().compile(dialect=dialect, column_keys=list(keys))
    else:
        compiled = target.compile(dialect=dialect)
    names = list(compiled.positiontup) if compiled.positiontup is not None else list(compiled.binds)
    # The dialect's own implementation of each type (psycopg wraps JSON, for one).
    binds = [(name, compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in names]
    missing = {name for name, _ in binds} - set(keys)
    if missing:
        raise ValueError(f"rows lack values for {sorted(missing)}")
    return compiled.string, binds, compiled.positiontup is not None
