"""What documents tell the engine: their kinds and who may read or edit them; their named
versions (rows and the mutation that makes one); the hook they connect to (losing a network
closes her open documents of it)."""
from __future__ import annotations

from sync import Registry

from server.docs import live, rights, schemas, versions
from server.docs.models import DocVersion
from server.networks import membership


def register(registry: Registry) -> None:
    registry.docs.kind("plan", rights.can_read, rights.can_edit, valid=rights.is_uuid)
    registry.docs.kind("notes", rights.can_read, rights.can_edit, valid=rights.valid_notes)
    registry.docs.kind("minutes", rights.can_read, rights.can_edit, valid=rights.is_uuid)
    registry.row_type("doc_version", versions.serialize, model=DocVersion)
    registry.mutator("doc_version.create", schemas.VersionCreate())(versions.create)
    membership.access_changed.connect(live.recheck)
