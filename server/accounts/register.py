"""How people appear on devices: as `user` rows in the scopes that need their names."""
from __future__ import annotations

from sync import Registry

from server.accounts.models import User


def serialize_user(user: User) -> dict:
    return {"id": user.id, "name": user.name}


def register(registry: Registry) -> None:
    registry.row_type("user", serialize_user)
