"""New rows written by plain INSERT, many in one statement.

A device that was offline for a week pushes hundreds of replies at once.
Building an ORM object per reply, cascading it into the session and letting
the unit of work sort it out costs more than everything else in the push
(docs/benchmarks.md), so a mutator may hand the engine a new row's values
instead (``MutationContext.insert``). They wait in the session and are written
with one executemany per table:

- before the session runs any statement, so a later query of the batch (a
  count, a ``session.get``) sees them — pending ORM objects are flushed first,
  because the new rows may refer to them;
- at the end of the batch, before the change log is written.

A rollback forgets them with the rest of the transaction, a savepoint's too: the
careful replay's savepoints (sync/push.py) hold one mutation each and write its
rows before they end, so nothing from before a savepoint is still waiting when it
rolls back. Mutators open no savepoints of their own.
"""
from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, event
from sqlalchemy.orm import ORMExecuteState, Session

from sync import bulk

_PENDING = "sync.pending_inserts"


def add(session: Session, table: Table, values: dict[str, Any]) -> None:
    session.info.setdefault(_PENDING, []).append((table, values))


def write(session: Session) -> None:
    """Flush the ORM's pending objects, then the waiting rows, in the order they came."""
    session.flush()
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    connection = session.connection()
    for table, run in groupby(pending, key=itemgetter(0)):  # consecutive rows of one table
        bulk.insert(connection, table, [values for _table, values in run])


def waiting(session: Session) -> bool:
    return bool(session.info.get(_PENDING))


@event.listens_for(Session, "do_orm_execute")
def _before_any_statement(state: ORMExecuteState) -> None:
    if waiting(state.session):
        write(state.session)


@event.listens_for(Session, "after_soft_rollback")
def _forget_on_rollback(session: Session, _previous_transaction: Any) -> None:
    session.info.pop(_PENDING, None)
