"""What a mutator works with: the session, who acts, and where changes go."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Callable

from sqlalchemy import Table
from sqlalchemy.orm import Session

from sync import inserts
from sync.models import SyncRow

ChangeKey = tuple[str, str, str]  # (scope, type, row id)
Change = tuple[str, Any]  # ("put", obj) | ("delete", None)
_NOTHING: Change = ("", None)
Finish = Callable[["MutationContext", list], None]  # collect()'s work for one key


class MutationContext:
    """Collects one batch's changes; each mutation's are staged until it succeeds.

    Mutators check first and write last: ``put`` and ``delete`` are their only
    writes, so the engine can tell a clean refusal from one made half-way.
    """

    def __init__(self, session: Session, user_id: str, client_id: str | None):
        self.session = session
        self.user_id = user_id
        self.client_id = client_id
        self.changes: dict[ChangeKey, Change] = {}
        self.staged: dict[ChangeKey, Change] = {}
        self.wrote = False  # did the current mutation write anything yet?
        self.after_commit: list[Callable[[], None]] = []
        self._staged_after: list[Callable[[], None]] = []
        # collect(): items per key, finished once per batch (see finish()).
        self.collected: dict[Any, tuple[Finish, list]] = {}
        self._staged_items: list[tuple[Any, Finish, Any]] = []
        # Per-batch memo for lookups many mutations repeat (e.g. memberships).
        self.memo: dict[Any, Any] = {}

    def get(self, model: type, row_id: Any) -> Any:
        """``session.get`` remembered for the batch: the identity map holds rows only weakly,
        and reloading one per mutation would flush a big batch row by row."""
        key = ("get", model, row_id)
        if self.memo.get(key) is None:
            self.memo[key] = self.session.get(model, row_id)
        return self.memo[key]

    def put(self, type_: str, obj: Any, scopes: list[str] | set[str]) -> None:
        """Add or update ``obj`` and publish it to ``scopes``."""
        if obj.id is None:
            raise ValueError(f"a {type_} row needs its id before it is published")
        self.wrote = True
        row_id = str(obj.id)
        known = True
        for scope in scopes:
            key = (scope, type_, row_id)
            # Already published by an earlier mutation of the batch: its final state is
            # what gets serialized at the end, so once is enough (a thread's thousand replies).
            if self.changes.get(key, _NOTHING)[1] is not obj:
                self.staged[key] = ("put", obj)
                known = False
        if not known:
            self.add(obj)

    def published(self, scope: str, type_: str, row_id: str) -> bool:
        """Do devices of ``scope`` hold this row: is it in the change log, or on its way there
        in this batch? (A row once published to a scope is updated there, never just dropped.)"""
        key = (scope, type_, row_id)
        if key in self.staged or key in self.changes:
            return True
        return self.session.get(SyncRow, key) is not None

    def insert(self, type_: str, table: Table, values: dict[str, Any], scopes: list[str] | set[str]) -> Any:
        """Write a new row by plain INSERT (sync/inserts.py) and publish it to ``scopes``.

        For rows a batch makes by the thousand. ``values`` names every column;
        the answer reads like the row (``row.id``) for serializers and callers.
        """
        row = SimpleNamespace(**values)
        self.wrote = True
        inserts.add(self.session, table, values)
        for scope in scopes:
            self.staged[(scope, type_, str(row.id))] = ("put", row)
        return row

    def flush(self) -> None:
        """Write everything so far: ORM objects, then rows waiting for their INSERT."""
        inserts.write(self.session)

    def add(self, obj: Any) -> None:
        """Write a row devices never see (history, tombstone details)."""
        self.wrote = True
        if obj not in self.session:  # re-adding cascades again: costly in big batches
            self.session.add(obj)

    def remove(self, obj: Any) -> None:
        """Delete a row from the database (devices are told separately, with ``delete``)."""
        self.wrote = True
        self.session.delete(obj)

    def delete(self, type_: str, row_id: str, scopes: list[str] | set[str]) -> None:
        """Tell devices in ``scopes`` the row is gone (the domain keeps its tombstone)."""
        self.wrote = True
        for scope in scopes:
            self.staged[(scope, type_, str(row_id))] = ("delete", None)

    def on_commit(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` once the batch has committed (send mail, move live connections)."""
        self._staged_after.append(fn)

    def collect(self, key: Any, item: Any, finish: Finish) -> None:
        """Hand ``item`` to ``finish(ctx, items)``, run once per ``key`` when the batch ends.

        For derived writes that a thousand mutations would otherwise repeat (who to
        tell of a thread's new replies). A refused mutation's items are dropped.
        """
        self._staged_items.append((key, finish, item))

    def finish(self) -> None:
        """Run the collected work (before the change log is written); it may put rows."""
        while self.collected:
            collected, self.collected = self.collected, {}
            for finish, items in collected.values():
                finish(self, items)
            self.keep()

    def keep(self) -> None:
        self.changes.update(self.staged)
        self.after_commit += self._staged_after
        for key, finish, item in self._staged_items:
            self.collected.setdefault(key, (finish, []))[1].append(item)
        self.staged, self.wrote, self._staged_after, self._staged_items = {}, False, [], []

    def discard(self) -> None:
        self.staged, self.wrote, self._staged_after, self._staged_items = {}, False, [], []
