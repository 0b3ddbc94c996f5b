"""The passkeys' and staff-issued links' cells of docs/roles.md, for tests/integration/test_roles.py."""
from __future__ import annotations

from tests.apiclient import ApiClient
from tests.integration.meetings_helpers import outcome
from tests.integration.passkey_authenticator import Authenticator
from tests.integration.passkey_steps import register


def _added(c) -> str:
    answer = register(c, Authenticator())
    return "applied" if answer.status_code == 201 else answer.get_json()["error"]["code"]


def _passkey_of(c, w, role: str) -> str:
    """A passkey of hers (made on her own device, signed in as her); its id."""
    owner = c if c.id == w.users[role] else ApiClient.signed_in(c.app, w.emails[role])
    return register(owner, Authenticator()).get_json()["passkey"]["id"]


def _other(role: str) -> str:
    return "member" if role != "member" else "coordinator"


ACTIONS = {
    "add a passkey (her own: the register ceremony)": lambda c, w, r: _added(c),
    "`passkey.rename` (her own)": lambda c, w, r: outcome(c, "passkey.rename", {
        "id": _passkey_of(c, w, r), "name": "Telefon"}),
    "`passkey.rename` (someone else's)": lambda c, w, r: outcome(c, "passkey.rename", {
        "id": _passkey_of(c, w, _other(r)), "name": "Mój"}),
    "`passkey.remove` (her own)": lambda c, w, r: outcome(c, "passkey.remove", {"id": _passkey_of(c, w, r)}),
    "`passkey.remove` (someone else's)": lambda c, w, r: outcome(c, "passkey.remove", {
        "id": _passkey_of(c, w, _other(r))}),
    "`signin_link.issue` (for someone who lost her passkey)": lambda c, w, r: outcome(c, "signin_link.issue", {
        "user_id": w.users["member" if r != "member" else "expert"]}),
}
