"""What the library tells the engine: good practices on devices, their mutators; and good
practices as holders of files."""
from __future__ import annotations

from sync import Registry

from server.db import iso
from server.files import holders
from server.library import schemas, services
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
        "edited_by": r.edited_by,
    }


def register(registry: Registry) -> None:
    registry.row_type("resource", serialize_resource)
    registry.mutator("resource.create", schemas.ResourceCreate())(services.create)
    registry.mutator("resource.update", schemas.ResourceUpdate())(services.update)
    registry.mutator("resource.delete", schemas.ResourceDelete())(services.delete)
    registry.mutator("post.promote", schemas.PostPromote())(services.promote)
    holders.add(holders.Holder("resource_id", Resource, "Ta dobra praktyka została usunięta albo nie istnieje."))
