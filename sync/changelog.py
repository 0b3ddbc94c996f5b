"""Writes a transaction's changes: bump scope counters, stamp and upsert rows.

The ``UPDATE`` of a scope's counter holds that counter's row lock until commit,
so versions within a scope are handed out in commit order (see
docs/sync-protocol.md, "Why no change is ever skipped").
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from sync import bulk, inserts
from sync.context import Change, MutationContext
from sync.models import SyncRow
from sync.registry import Registry

_BUMP = text(
    "INSERT INTO sync_scope (name, version) VALUES (:name, :n) "
    "ON CONFLICT (name) DO UPDATE SET version = sync_scope.version + excluded.version "
    "RETURNING version"
)


def record(session: Session, registry: Registry, ctx: MutationContext) -> list[str]:
    """Finish the batch's collected work, write its changes to the log in this
    transaction, and return the touched scopes."""
    ctx.finish()
    changes = ctx.changes
    if not changes:
        return []
    inserts.write(session)  # defaults (times, counts) exist before rows are serialized
    by_scope: dict[str, list[tuple[str, str, Change]]] = defaultdict(list)
    for (scope, type_, row_id), change in changes.items():
        by_scope[scope].append((type_, row_id, change))

    # A row published to several scopes is serialized, dated and owned once.
    published: dict[tuple[str, str], tuple[str, int | None, str | None]] = {}
    rows: list[dict[str, Any]] = []
    scopes = sorted(by_scope)  # one lock order for every writer: no deadlocks
    for scope in scopes:
        entries = by_scope[scope]
        top = session.execute(_BUMP, {"name": scope, "n": len(entries)}).scalar_one()
        version = top - len(entries)
        # Serialize after taking the lock: derived fields (counts) then see every
        # commit made to this scope before ours.
        for type_, row_id, (op, obj) in entries:
            version += 1
            data = stamp = owner = None
            if op == "put":
                key = (type_, row_id)
                if key not in published:
                    published[key] = (
                        json.dumps(registry.serializers[type_](obj), ensure_ascii=False, separators=(",", ":")),
                        _stamp(registry, type_, obj),
                        _owner(registry, type_, obj),
                    )
                data, stamp, owner = published[key]
            rows.append(
                {"scope": scope, "type": type_, "row_id": row_id, "version": version, "op": op, "data": data,
                 "stamp": stamp, "owner": owner}
            )
    bulk.upsert(session.connection(), SyncRow.__table__, rows, key=("scope", "type", "row_id"),
                update=("version", "op", "data", "stamp", "owner"))
    return scopes


def _stamp(registry: Registry, type_: str, obj: Any) -> int | None:
    fn = registry.stamps.get(type_)
    moment = fn(obj) if fn else None
    return int(moment.timestamp()) if moment else None


def _owner(registry: Registry, type_: str, obj: Any) -> str | None:
    fn = registry.owners.get(type_)
    return fn(obj) if fn else None
