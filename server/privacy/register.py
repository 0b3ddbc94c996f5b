"""What privacy tells the engine: `account.delete`."""
from __future__ import annotations

from sync import Registry

from server.privacy import deletion, schemas


def register(registry: Registry) -> None:
    registry.mutator("account.delete", schemas.AccountDelete())(deletion.delete_account)
