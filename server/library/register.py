"""How good practices appear on devices."""
from __future__ import annotations

from sync import Registry

from server.db import iso
from server.library import services
from server.library.models import Resource


def serialize_resource(r: Resource) -> dict:
    return {
        "id": r.id,
        "network_id": r.network_id,
        "title": r.title,
        "description": r.description,
        "tags": list(r.tags or []),
        "school_level": r.school_level,
        "subject": r.subject,
        "kind": r.kind,
        "url": r.url,
        "author_id": r.author_id,
        "from_post_id": r.from_post_id,
        "created_at": iso(r.created_at),
        "edited_at": iso(r.edited_at),
    }


def register(registry: Registry) -> None:
    registry.row_type("resource", serialize_resource)
    services.register(registry)
