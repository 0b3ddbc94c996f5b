"""What domains tell the engine: their mutators, row types, visibility and kinds of co-edited document."""
from __future__ import annotations

import inspect
import typing
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable

from marshmallow import Schema
from sqlalchemy.orm import Session

from sync.docs.kinds import DocKinds

if TYPE_CHECKING:
    from sync.context import MutationContext

MutatorFn = Callable[["MutationContext", dict], None]
Serializer = Callable[[Any], dict]
Visibility = Callable[[Session, str], set[str]]
Stamp = Callable[[Any], "datetime | None"]
Owner = Callable[[Any], "str | None"]


@dataclass(frozen=True)
class Mutator:
    name: str
    schema: Schema
    fn: MutatorFn


class Registry:
    def __init__(self) -> None:
        self.mutators: dict[str, Mutator] = {}
        self.serializers: dict[str, Serializer] = {}
        self.stamps: dict[str, Stamp] = {}
        self.owners: dict[str, Owner] = {}
        self.models: dict[type, str] = {}  # the model behind each row type: the guard watches them
        self.row_models: dict[str, type] = {}  # each row type's model
        self._visibility: list[Visibility] = []
        self.docs = DocKinds()  # co-edited documents' kinds and who may read or edit them (sync/docs)

    def mutator(self, name: str, schema: Schema) -> Callable[[MutatorFn], MutatorFn]:
        """Register ``fn(ctx, args)`` as the mutator ``name``; ``schema`` loads its args."""

        def register(fn: MutatorFn) -> MutatorFn:
            if name in self.mutators:
                raise ValueError(f"mutator {name!r} registered twice")
            self.mutators[name] = Mutator(name, schema, fn)
            return fn

        return register

    def row_type(self, name: str, serialize: Serializer, stamp: Stamp | None = None, owner: Owner | None = None,
                 model: type | None = None) -> None:
        """Register how rows of ``name`` are turned into the JSON devices get.

        ``stamp`` (when the row was written) lets a device that keeps only recent
        history skip older rows; ``owner``'s own rows are never skipped. ``model``, the
        class whose rows these are, defaults to what the serializer's argument is
        annotated with; writes to it outside a mutation are refused (sync/guard.py).
        """
        cls = model or _argument_type(name, serialize)
        self.row_models[name] = cls
        self.models.setdefault(cls, name)  # two row types may share a model (a join request is a membership)
        self.serializers[name] = serialize
        if stamp:
            self.stamps[name] = stamp
        if owner:
            self.owners[name] = owner

    def visibility(self, fn: Visibility) -> Visibility:
        """Register ``fn(session, user_id) -> scopes`` the user may see."""
        self._visibility.append(fn)
        return fn

    def visible_scopes(self, session: Session, user_id: str) -> set[str]:
        scopes: set[str] = set()
        for fn in self._visibility:
            scopes |= fn(session, user_id)
        return scopes


def _argument_type(name: str, serialize: Serializer) -> type:
    try:
        first = next(iter(inspect.signature(serialize).parameters), None)
        hint = typing.get_type_hints(serialize).get(first) if first else None
    except (NameError, TypeError, ValueError):
        hint = None
    if not isinstance(hint, type):
        raise ValueError(f"row type {name!r}: pass model=, or annotate the serializer's argument with the model")
    return hint
