"""Applying a client's batch of mutations, in order, once each."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Mapping

from marshmallow import ValidationError
from sqlalchemy import select, text
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from sync import changelog
from sync.context import MutationContext
from sync.errors import ClientNotYours, MutatorBug, Rejected
from sync.models import SyncClient, SyncRejection
from sync.registry import Registry

# What the engine itself refuses, by code, in neutral English; a server gives the engine
# its own words for them (SyncEngine's ``messages``). ``{name}``: the mutation's name.
MESSAGES: Mapping[str, str] = {
    "unknown_mutation": "Unknown mutation: {name}",
    "invalid": "The arguments are not valid.",
    "conflict": "This write conflicts with data on the server.",
}

_CLAIM = text(
    "INSERT INTO sync_client (client_id, user_id, last_mutation_id) VALUES (:c, :u, 0) "
    "ON CONFLICT (client_id) DO NOTHING"
)


@dataclass
class PushOutcome:
    results: list[dict] = field(default_factory=list)
    last_mutation_id: int = 0
    gap: bool = False
    scopes: list[str] = field(default_factory=list)
    after_commit: list = field(default_factory=list)


def apply_batch(
    session: Session, registry: Registry, user_id: str, client_id: str, mutations: list[dict], careful: bool,
    messages: Mapping[str, str] = MESSAGES,
) -> PushOutcome:
    """Apply ``mutations`` in the open transaction; the caller commits.

    ``careful`` wraps each mutation in a savepoint and flushes it, so a database
    conflict rejects that one mutation instead of failing the batch. It is the
    slow path, taken only after the fast one met such a conflict.
    """
    # Writing first takes SQLite's write lock at once; FOR UPDATE serializes a
    # client's concurrent pushes on PostgreSQL.
    session.execute(_CLAIM, {"c": client_id, "u": user_id})
    client = session.scalars(
        select(SyncClient).where(SyncClient.client_id == client_id).with_for_update()
    ).one()
    if client.user_id != user_id:
        raise ClientNotYours(client_id)

    out = PushOutcome(last_mutation_id=client.last_mutation_id)
    earlier = _earlier_rejections(session, client_id, [m["id"] for m in mutations if m["id"] <= out.last_mutation_id])
    ctx = MutationContext(session, user_id, client_id)
    rejections = []
    for m in mutations:
        if m["id"] <= out.last_mutation_id:
            # A repeat: say again how it ended, so a device that lost the answer knows.
            repeat = {"id": m["id"], "status": "duplicate"}
            out.results.append(repeat | ({"error": earlier[m["id"]]} if m["id"] in earlier else {}))
            continue
        if m["id"] > out.last_mutation_id + 1:
            out.gap = True
            break
        error = _apply_one(ctx, registry, m, careful, messages)
        if error:
            rejections.append({"client_id": client_id, "mutation_id": m["id"], "error": json.dumps(error, ensure_ascii=False)})
        out.results.append({"id": m["id"], "status": "rejected", "error": error} if error else {"id": m["id"], "status": "applied"})
        out.last_mutation_id = m["id"]
    client.last_mutation_id = out.last_mutation_id
    if rejections:
        session.execute(SyncRejection.__table__.insert(), rejections)
    out.scopes = changelog.record(session, registry, ctx)
    out.after_commit = ctx.after_commit
    return out


def _apply_one(ctx: MutationContext, registry: Registry, m: dict, careful: bool,
               messages: Mapping[str, str]) -> dict | None:
    """Run one mutation; return the rejection as a dict, or None when applied."""
    def refusal(code: str, fields: dict | None = None) -> dict:
        return Rejected(code, messages[code].format(name=m["name"]), fields).as_dict()

    mutator = registry.mutators.get(m["name"])
    if mutator is None:
        return refusal("unknown_mutation")
    try:
        args = mutator.schema.load(m["args"])
    except ValidationError as exc:
        return refusal("invalid", _fields(exc.messages))

    savepoint = ctx.session.begin_nested() if careful else None
    try:
        mutator.fn(ctx, args)
        if savepoint is not None:
            ctx.flush()
            savepoint.commit()
    except Rejected as exc:
        if savepoint is not None:
            savepoint.rollback()
        elif ctx.wrote:
            raise MutatorBug(f"{m['name']} refused after writing") from exc
        ctx.discard()
        return exc.as_dict()
    except (IntegrityError, DataError) as exc:
        if savepoint is None:
            raise
        savepoint.rollback()
        ctx.discard()
        # A value the schema let through but the column refuses (too long, a NUL on PostgreSQL).
        return refusal("conflict" if isinstance(exc, IntegrityError) else "invalid")
    ctx.keep()
    return None


def _fields(messages: dict | list) -> dict:
    return messages if isinstance(messages, dict) else {"_schema": messages}


def _earlier_rejections(session: Session, client_id: str, ids: list[int]) -> dict[int, dict]:
    if not ids:
        return {}
    rows = session.execute(
        select(SyncRejection.mutation_id, SyncRejection.error).where(
            SyncRejection.client_id == client_id, SyncRejection.mutation_id.in_(ids)
        )
    )
    return {mutation_id: json.loads(error) for mutation_id, error in rows}
