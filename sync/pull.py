"""Reading what changed for a user since her cursor, scope by scope."""
from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync import cursor as cursors
from sync.models import SyncClient, SyncRow
from sync.registry import Registry


def pull(session: Session, registry: Registry, user_id: str, cursor: str | None, limit: int) -> dict:
    versions = cursors.decode(cursor)
    # Read before the changes: every mutation counted here is already in them.
    last_ids = dict(
        session.execute(
            select(SyncClient.client_id, SyncClient.last_mutation_id).where(SyncClient.user_id == user_id)
        ).all()
    )
    visible = registry.visible_scopes(session, user_id)

    changes: list[dict] = []
    for scope in sorted(set(versions) - visible):
        changes.append({"op": "purge", "scope": scope})
        del versions[scope]

    remaining, more = limit, False
    for scope in sorted(visible):
        if remaining == 0:
            more = True
            break
        since = versions.get(scope, 0)
        rows = session.execute(
            select(SyncRow.type, SyncRow.row_id, SyncRow.version, SyncRow.op, SyncRow.data)
            .where(SyncRow.scope == scope, SyncRow.version > since)
            .order_by(SyncRow.version)
            .limit(remaining + 1)
        ).all()
        if len(rows) > remaining:
            rows, more = rows[:remaining], True
        for type_, row_id, version, op, data in rows:
            change = {"type": type_, "id": row_id, "op": op, "scope": scope}
            if op == "put":
                change["data"] = json.loads(data)
            changes.append(change)
            since = version
        versions[scope] = since
        remaining -= len(rows)
        if more:
            break

    return {
        "cursor": cursors.encode(versions),
        "more": more,
        "changes": changes,
        "last_mutation_ids": last_ids,
    }
