"""The pull cursor: per scope, the highest version the device holds, and for a device that
keeps only recent history, per scope the moment before which others' dated rows are left out.
Opaque to clients."""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field

from sync.errors import BadCursor


@dataclass
class Cursor:
    versions: dict[str, int] = field(default_factory=dict)
    floors: dict[str, int] = field(default_factory=dict)  # seconds since 1970


def encode(cursor: Cursor) -> str:
    body = {"v": 1, "s": cursor.versions} | ({"f": cursor.floors} if cursor.floors else {})
    raw = json.dumps(body, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str | None) -> Cursor:
    if not cursor:
        return Cursor()
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        body = json.loads(raw)
        versions, floors = body["s"], body.get("f", {})
        if body.get("v") != 1 or not isinstance(versions, dict) or not isinstance(floors, dict):
            raise ValueError
        for part in (versions, floors):
            if not all(isinstance(k, str) and type(v) is int and v >= 0 for k, v in part.items()):
                raise ValueError
        return Cursor(versions, floors)
    except (ValueError, KeyError, TypeError, RecursionError) as exc:  # deep nesting: not a cursor of ours
        raise BadCursor("cursor not recognised") from exc
