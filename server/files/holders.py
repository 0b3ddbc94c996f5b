"""What files hang under: a forum post, a good practice. Files sit below the domains that own
them, so those domains tell files how to find one (their register.py adds a `Holder`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Holder:
    key: str  # the attachment's column, and the argument, that names it: "post_id", "resource_id"
    model: type  # found by primary key; it has network_id, author_id and deleted_at (its tombstone)
    missing: str  # why attaching is refused when it is gone


_holders: dict[str, Holder] = {}


def add(holder: Holder) -> None:
    _holders[holder.key] = holder


def find(session: Session, values: Any) -> tuple[Holder, Any]:
    """The holder an attachment (or attachment.add's arguments) names, and its row,
    tombstoned or not (None when there is none)."""
    get = values.get if isinstance(values, dict) else lambda key: getattr(values, key)
    for holder in _holders.values():
        if get(holder.key):
            return holder, session.get(holder.model, str(get(holder.key)))
    raise LookupError(f"no holder of files named in {values!r}")
