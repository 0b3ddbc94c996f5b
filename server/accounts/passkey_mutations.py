"""`passkey.rename` and `passkey.remove`: each person manages only her own passkeys."""
from __future__ import annotations

from sync import Rejected
from sync.context import MutationContext

from server.accounts import audit, passkey_rows
from server.accounts.passkey_models import Passkey
from server.scopes import user_scope

def _hers(ctx: MutationContext, passkey_id: str) -> Passkey:
    passkey = ctx.session.get(Passkey, passkey_id)
    if passkey is None:
        raise Rejected("not_found", "Nie ma takiego klucza dostępu.")
    if passkey.user_id != ctx.user_id:
        raise Rejected("forbidden", "To nie jest Twój klucz dostępu.")
    return passkey


def rename(ctx: MutationContext, args: dict) -> None:
    passkey = _hers(ctx, args["id"])
    passkey.name = args["name"]
    passkey_rows.publish(ctx, passkey)
    audit.record(ctx, "passkey.renamed", target_id=passkey.id)


def remove(ctx: MutationContext, args: dict) -> None:
    """The key stops signing her in at once; the device that holds it is not told (it cannot be)."""
    passkey = _hers(ctx, args["id"])
    ctx.session.delete(passkey)
    ctx.delete("passkey", passkey.id, [user_scope(passkey.user_id)])
    audit.record(ctx, "passkey.removed", target_id=passkey.id)
