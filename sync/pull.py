"""Reading what changed for a user since her cursor, scope by scope."""
from __future__ import annotations

import json
import time

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sync import cursor as cursors
from sync.models import SyncClient, SyncRow, SyncScope
from sync.registry import Registry


def pull(
    session: Session, registry: Registry, user_id: str, cursor: str | None, limit: int, window_days: int | None = None
) -> dict:
    """Changes since ``cursor``; ``window_days`` leaves out others' dated rows older than that
    from scopes the device starts now (the floor stays in the cursor for those scopes)."""
    position = cursors.decode(cursor)
    versions, floors = position.versions, position.floors
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
        floors.pop(scope, None)

    # Every scope's counter in one query, before any rows: everything up to a counter read
    # here is committed (see docs/sync-protocol.md), so each scope reads up to its own.
    tops = dict(session.execute(select(SyncScope.name, SyncScope.version).where(SyncScope.name.in_(visible))).all())
    remaining, more = limit, False
    for scope in sorted(visible):
        if remaining == 0:
            more = True
            break
        since = versions.get(scope, 0)
        if scope not in versions and window_days:
            floors[scope] = int(time.time()) - window_days * 86400
        top = tops.get(scope, 0)
        query = select(SyncRow.type, SyncRow.row_id, SyncRow.version, SyncRow.op, SyncRow.data).where(
            SyncRow.scope == scope, SyncRow.version > since, SyncRow.version <= top
        )
        if scope in floors:
            query = query.where(or_(SyncRow.stamp.is_(None), SyncRow.stamp >= floors[scope], SyncRow.owner == user_id))
        rows = session.execute(query.order_by(SyncRow.version).limit(remaining + 1)).all()
        if len(rows) > remaining:
            rows, more = rows[:remaining], True
        for type_, row_id, version, op, data in rows:
            change = {"type": type_, "id": row_id, "op": op, "scope": scope}
            if op == "put":
                change["data"] = json.loads(data)
            changes.append(change)
            since = version
        # A scope read to its end moves to its counter, past any rows left out.
        versions[scope] = since if more else max(since, top)
        remaining -= len(rows)
        if more:
            break

    return {
        "cursor": cursors.encode(position),
        "more": more,
        "changes": changes,
        "last_mutation_ids": last_ids,
    }
