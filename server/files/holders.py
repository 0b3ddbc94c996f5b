"""What files hang under: a forum post, a good practice, a meeting. Files sit below the domains
that own them, so those domains tell files how to find one (their register.py adds a `Holder`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Holder:
    key: str  # the attachment's column, and the argument, that names it: "post_id", "resource_id", "meeting_id"
    model: type  # found by primary key; it has network_id, and author_id and deleted_at (its tombstone) unless…
    missing: str  # why attaching is refused when it is gone
    # …it says who may attach (raising Rejected): a meeting's materials are its planners', and
    # a meeting is cancelled, never deleted. None: the author, while an active member.
    may_attach: Callable[[Any, Any], None] | None = None


def gone(parent: Any) -> bool:
    """No row, or a tombstone (a holder without deleted_at is never deleted)."""
    return parent is None or getattr(parent, "deleted_at", None) is not None


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
