"""What passkeys and staff-issued sign-in links tell the engine: her `passkey` rows, and
`passkey.rename`, `passkey.remove`, `signin_link.issue`. (Adding a passkey is a ceremony with
the browser, not a mutation: server/accounts/passkey_routes.py.)"""
from __future__ import annotations

from sync import Registry

from server.accounts import passkey_mutations, passkey_schemas, staff_links
from server.accounts.passkey_models import Passkey
from server.accounts.passkey_rows import serialize_passkey


def register(registry: Registry) -> None:
    registry.row_type("passkey", serialize_passkey, model=Passkey)
    registry.mutator("passkey.rename", passkey_schemas.PasskeyRename())(passkey_mutations.rename)
    registry.mutator("passkey.remove", passkey_schemas.PasskeyRemove())(passkey_mutations.remove)
    registry.mutator("signin_link.issue", passkey_schemas.SigninLinkIssue())(staff_links.issue)
