"""The pull cursor: per scope, the highest version the device holds. Opaque to clients."""
from __future__ import annotations

import base64
import json

from sync.errors import BadCursor


def encode(versions: dict[str, int]) -> str:
    raw = json.dumps({"v": 1, "s": versions}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str | None) -> dict[str, int]:
    if not cursor:
        return {}
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        body = json.loads(raw)
        versions = body["s"]
        if body.get("v") != 1 or not isinstance(versions, dict):
            raise ValueError
        if not all(isinstance(k, str) and type(v) is int and v >= 0 for k, v in versions.items()):
            raise ValueError
        return versions
    except (ValueError, KeyError, TypeError) as exc:
        raise BadCursor("cursor not recognised") from exc
