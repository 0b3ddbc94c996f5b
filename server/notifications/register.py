"""What notifications tell the engine: notifications and e-mail choices on devices, their
mutators; and the forum's moments they follow (a new thread, new replies, a thread read)."""
from __future__ import annotations

from sync import Registry

from server.db import iso
from server.forum import posts, reading, threads
from server.notifications import schemas, services
from server.notifications.models import Notification, NotificationPref


def serialize(note: Notification) -> dict:
    return {"id": note.id, "kind": note.kind, "network_id": note.network_id, "thread_id": note.thread_id,
            "post_id": note.post_id, "actor_id": note.actor_id, "count": note.count,
            "created_at": iso(note.created_at), "read_at": iso(note.read_at)}


def serialize_pref(pref: NotificationPref) -> dict:
    return {"id": pref.id, "network_id": pref.network_id, "email": pref.email}


def register(registry: Registry) -> None:
    registry.row_type("notification", serialize)
    registry.row_type("notification_pref", serialize_pref)
    registry.mutator("notification.read", schemas.MarkRead())(services.mark_read)
    registry.mutator("notification_pref.set", schemas.PrefSet())(services.set_pref)
    threads.started.connect(services.new_thread)
    posts.replied.connect(services.new_reply)
    reading.read.connect(services.read_thread)
