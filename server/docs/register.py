"""What documents tell the engine: their kinds and who may read or edit them; the hook they
connect to (losing a network closes her open documents of it)."""
from __future__ import annotations

from sync import Registry

from server.docs import live, rights
from server.networks import membership


def register(registry: Registry) -> None:
    registry.docs.kind("plan", rights.can_read, rights.can_edit, valid=rights.is_uuid)
    registry.docs.kind("notes", rights.can_read, rights.can_edit, valid=rights.valid_notes)
    registry.docs.kind("minutes", rights.can_read, rights.can_edit, valid=rights.is_uuid)
    membership.access_changed.connect(live.recheck)
