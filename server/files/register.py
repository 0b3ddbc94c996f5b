"""What files tell the engine: attachments on devices and their mutators. (The bytes travel
by REST, routes.py; what files hang under, other domains say through holders.py.)"""
from __future__ import annotations

from sync import Registry

from server.db import iso
from server.files import attachments, schemas
from server.files.models import Attachment


def serialize_attachment(a: Attachment) -> dict:
    return {
        "id": a.id,
        "post_id": a.post_id,
        "resource_id": a.resource_id,
        "meeting_id": a.meeting_id,
        "network_id": a.network_id,
        "name": a.name,
        "author_id": a.author_id,
        "mime": a.file.mime,
        "size": a.file.size,
        "sha256": a.sha256,
        "has_thumbnail": a.file.has_thumbnail,
        "created_at": iso(a.created_at),
    }


def register(registry: Registry) -> None:
    registry.row_type("attachment", serialize_attachment)
    registry.mutator("attachment.add", schemas.AttachmentAdd())(attachments.add)
    registry.mutator("attachment.remove", schemas.AttachmentRemove())(attachments.remove)
