"""What a mutator works with: the session, who acts, and where changes go."""
from __future__ import annotations

from typing import Any, Callable

from sqlalchemy.orm import Session

ChangeKey = tuple[str, str, str]  # (scope, type, row id)
Change = tuple[str, Any]  # ("put", obj) | ("delete", None)


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
        self.add(obj)
        row_id = str(obj.id)
        for scope in scopes:
            key = (scope, type_, row_id)
            # Already published by an earlier mutation of the batch: its final state is
            # what gets serialized at the end, so once is enough (a thread's thousand replies).
            if self.changes.get(key, (None, None))[1] is not obj:
                self.staged[key] = ("put", obj)

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

    def keep(self) -> None:
        self.changes.update(self.staged)
        self.after_commit += self._staged_after
        self.staged, self.wrote, self._staged_after = {}, False, []

    def discard(self) -> None:
        self.staged, self.wrote, self._staged_after = {}, False, []
