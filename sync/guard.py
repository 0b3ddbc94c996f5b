"""A loud stop for writes that skip the engine.

Devices hold copies of every row type registered with the engine. A row changed with no
mutation context open never reaches the change log, so those copies go stale without a
word. :meth:`SyncEngine.guard <sync.engine.SyncEngine.guard>` installs these hooks on a
session factory: a flush, or an INSERT/UPDATE/DELETE statement run by the session, that
touches a registered model while no ``push`` or ``writing`` is open raises
:class:`WriteOutsideMutation`.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator, Mapping

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

_DEPTH = "sync.mutating"  # session.info: how many mutation contexts are open on it

Models = Callable[[], Mapping[type, str]]  # model class → its row type, read at each check


class WriteOutsideMutation(RuntimeError):
    """A row devices hold was written outside a mutation: write it through the engine."""


@contextmanager
def mutating(session: Session) -> Iterator[None]:
    """The engine's mark around a push or a ``writing`` block."""
    session.info[_DEPTH] = session.info.get(_DEPTH, 0) + 1
    try:
        yield
    finally:
        session.info[_DEPTH] -= 1


def is_mutating(session: Session) -> bool:
    return session.info.get(_DEPTH, 0) > 0


def install(sessions: Any, models: Models) -> None:
    """Hook ``sessions`` (a sessionmaker, a scoped_session or a Session class)."""

    def row_type(obj: Any) -> str | None:
        known = models()
        return next((known[cls] for cls in type(obj).__mro__ if cls in known), None)

    @event.listens_for(sessions, "before_flush")
    def _check_flush(session: Session, _context: Any, _instances: Any) -> None:
        if is_mutating(session):
            return
        dirty = (obj for obj in session.dirty if session.is_modified(obj, include_collections=False))
        for verb, objs in (("added", session.new), ("changed", dirty), ("deleted", session.deleted)):
            for obj in objs:
                type_ = row_type(obj)
                if type_ is not None:
                    raise WriteOutsideMutation(
                        f"a {type_} row {verb} outside a mutation: devices would never hear of it "
                        "(write it in engine.writing(...) or a mutator)")

    @event.listens_for(sessions, "do_orm_execute")
    def _check_statement(state: ORMExecuteState) -> None:
        if is_mutating(state.session) or not (state.is_insert or state.is_update or state.is_delete):
            return
        table = getattr(state.statement, "table", None)
        synced = {model.__table__: type_ for model, type_ in models().items()}
        if table is not None and table in synced:
            raise WriteOutsideMutation(
                f"{table.name} ({synced[table]} rows) written by a statement outside a mutation: "
                "devices would never hear of it (write it in engine.writing(...) or a mutator)")
