"""Which documents exist and who may read or edit them, as domains register them.

A document id is ``<kind>:<rest>`` ("plan:<network id>", "minutes:<meeting id>"). A
domain registers a kind with ``can_read(session, user_id, doc_id)`` and
``can_edit(session, user_id, doc_id)``, and, optionally, ``valid(rest)``: whether the
rest of an id is well formed (in its one canonical spelling, so one document has one id).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

from sqlalchemy.orm import Session

Rule = Callable[[Session, str, str], bool]
Access = Literal["edit", "read"]
MAX_ID = 200


class UnknownDoc(ValueError):
    """Not an id of any registered kind of document."""


@dataclass(frozen=True)
class Kind:
    name: str
    can_read: Rule
    can_edit: Rule
    valid: Callable[[str], bool]


class DocKinds:
    def __init__(self) -> None:
        self.kinds: dict[str, Kind] = {}

    def kind(self, name: str, can_read: Rule, can_edit: Rule, valid: Callable[[str], bool] | None = None) -> None:
        if name in self.kinds or ":" in name:
            raise ValueError(f"document kind {name!r} registered twice, or with a colon")
        self.kinds[name] = Kind(name, can_read, can_edit, valid or (lambda rest: bool(rest)))

    def check(self, doc_id: object) -> Kind:
        """The kind of a well-formed id; :class:`UnknownDoc` for anything else."""
        if not isinstance(doc_id, str) or not 0 < len(doc_id) <= MAX_ID:
            raise UnknownDoc("a document id is a short string")
        name, _, rest = doc_id.partition(":")
        kind = self.kinds.get(name)
        if kind is None or not kind.valid(rest):
            raise UnknownDoc(f"no document {doc_id!r}")
        return kind

    def access(self, session: Session, user_id: str, doc_id: str) -> Access | None:
        """"edit", "read", or None when she may not even read it (or it does not exist)."""
        kind = self.check(doc_id)
        if not kind.can_read(session, user_id, doc_id):
            return None
        return "edit" if kind.can_edit(session, user_id, doc_id) else "read"
