"""The engine's face: push and pull as whole transactions, writes by the server itself."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator, Mapping

from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from sync import changelog, guard, pull as pulling
from sync.context import MutationContext
from sync.push import MESSAGES, PushOutcome, apply_batch
from sync.reading import begin_read_only
from sync.registry import Registry

Notifier = Callable[[list[str]], None]


class SyncEngine:
    """Owns the mutation boundary: one commit per push, then a poke per touched scope."""

    def __init__(self, registry: Registry, notify: Notifier | None = None, messages: Mapping[str, str] | None = None):
        """``messages``: the server's words for the engine's own refusals, by code (sync/push.py)."""
        self.registry = registry
        self.notify: Notifier = notify or (lambda scopes: None)
        self.messages = {**MESSAGES, **(messages or {})}

    def push(self, session: Session, user_id: str, client_id: str, mutations: list[dict]) -> PushOutcome:
        session.rollback()  # a push is its own transaction: never one begun (and stale) before it
        with guard.mutating(session):
            try:
                outcome = apply_batch(session, self.registry, user_id, client_id, mutations, careful=False,
                                      messages=self.messages)
                session.commit()
            except (IntegrityError, DataError):
                # A database conflict, or a value the database will not store, somewhere in the
                # batch: replay it with a savepoint per mutation so only those are rejected
                # (a batch that fails whole would be retried by the device forever).
                session.rollback()
                outcome = apply_batch(session, self.registry, user_id, client_id, mutations, careful=True,
                                      messages=self.messages)
                session.commit()
            except BaseException:
                session.rollback()
                raise
        self._after_commit(outcome.scopes, outcome.after_commit)
        return outcome

    def guard(self, sessions: Any) -> None:
        """From now on ``sessions`` (a sessionmaker, scoped_session or Session class) refuse to
        write a registered row type outside :meth:`push` and :meth:`writing` (sync/guard.py)."""
        guard.install(sessions, lambda: self.registry.models)

    def _after_commit(self, scopes: list[str], callbacks: list) -> None:
        for fn in callbacks:
            fn()
        self.notify(scopes)

    def pull(
        self, session: Session, user_id: str, cursor: str | None, limit: int, window_days: int | None = None,
        raw: bool = False, keep_all: frozenset[str] = frozenset(),
    ) -> dict:
        """What changed for her since ``cursor``. ``raw``: rows stay their stored JSON text, for
        an HTTP answer written by :func:`sync.pull.encode` without decoding them."""
        begin_read_only(session)  # a fresh snapshot, not one the caller began earlier; blocks no writer
        try:
            return pulling.pull(session, self.registry, user_id, cursor, limit, window_days, raw, keep_all)
        finally:
            session.rollback()  # read-only: end the snapshot, keep nothing open

    @contextmanager
    def writing(self, session: Session, user_id: str) -> Iterator[MutationContext]:
        """A server-side write (seed data, CLI, mail-in) through the same change log.

        Commits once when the block ends; rolls back if it raises.
        """
        ctx = MutationContext(session, user_id, None)
        with guard.mutating(session):
            try:
                yield ctx
                ctx.keep()
                scopes = changelog.record(session, self.registry, ctx)
                session.commit()
            except BaseException:
                session.rollback()
                raise
        self._after_commit(scopes, ctx.after_commit)

    def run(self, ctx: MutationContext, name: str, args: dict) -> None:
        """Run a registered mutator inside a :meth:`writing` block; refusals raise."""
        mutator = self.registry.mutators[name]
        mutator.fn(ctx, mutator.schema.load(args))
