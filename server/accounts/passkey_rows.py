"""Her passkeys on her devices: a `passkey` row in her own scope (never the key itself)."""
from __future__ import annotations

from sync.context import MutationContext

from server.accounts.passkey_models import Passkey
from server.scopes import user_scope


def serialize_passkey(passkey: Passkey) -> dict:
    return {"id": passkey.id, "name": passkey.name, "created_at": passkey.created_at.isoformat(),
            "last_used_at": passkey.last_used_at.isoformat() if passkey.last_used_at else None}


def publish(ctx: MutationContext, passkey: Passkey) -> None:
    ctx.put("passkey", passkey, [user_scope(passkey.user_id)])
