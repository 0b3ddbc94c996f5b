"""Reading what changed for a user since her cursor, scope by scope."""
from __future__ import annotations

import functools
import json
import time
from json.encoder import encode_basestring  # type: ignore[attr-defined]

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sync import cursor as cursors
from sync.models import SyncClient, SyncRow, SyncScope
from sync.registry import Registry


class RawJSON(str):
    """A row's JSON text as the change log stores it, to be sent as it is (see :func:`encode`)."""


_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
_quote = encode_basestring  # a str as a JSON string, non-ASCII kept


def encode(body: dict) -> str:
    """A pull's answer as JSON text, each row's stored JSON passed through unparsed: decoding
    every row only to encode it again took half the time of a large first pull."""
    parts = []
    for change in body["changes"]:
        data = change.get("data")
        if isinstance(data, RawJSON):  # a put: its four names quoted by json's own C quoting
            parts.append(f'{{"type":{_quote(change["type"])},"id":{_quote(change["id"])},"op":"put",'
                         f'"scope":{_quote(change["scope"])},"data":{data}}}')
        else:
            parts.append(_dumps(change))
    head = _dumps({k: v for k, v in body.items() if k != "changes"})
    return f'{head[:-1]},"changes":[{",".join(parts)}]}}'


def pull(
    session: Session, registry: Registry, user_id: str, cursor: str | None, limit: int, window_days: int | None = None,
    raw: bool = False, keep_all: frozenset[str] = frozenset(),
) -> dict:
    """Changes since ``cursor``; ``window_days`` leaves out others' dated rows older than that
    (the floor, set once per scope, stays in the cursor), except from the scopes in ``keep_all``
    (read with ``window_days``), which come whole. A scope she now keeps whole that has a floor
    is read again from its start; one she no longer keeps whole gets its floor from now on.
    ``raw``: each row's data stays the stored text (:class:`RawJSON`), for :func:`encode`."""
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
        if window_days and scope not in keep_all and scope not in floors:
            floors[scope] = int(time.time()) - window_days * 86400
        elif window_days and scope in keep_all and scope in floors:  # kept whole now: what the floor left out comes too
            del floors[scope]
            since = 0
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
                change["data"] = RawJSON(data) if raw else json.loads(data)
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
