"""The sessions' cells of docs/roles.md: what each action does for tests/integration/test_roles.py.
Every role signs out her own devices; nobody, an admin neither, another person's."""
from __future__ import annotations

from tests.apiclient import ApiClient
from tests.integration.meetings_helpers import outcome


def _another_device(c, email: str) -> str:
    other = ApiClient.signed_in(c.app, email)
    return other.http.get("/api/me").get_json()["session_id"]


def _someone_else(w, role: str) -> str:
    return w.emails["member" if role != "member" else "expert"]


ACTIONS = {
    "`session.revoke` (her own device)": lambda c, w, r: outcome(c, "session.revoke", {
        "id": _another_device(c, w.emails[r])}),
    "`session.revoke` (someone else's)": lambda c, w, r: outcome(c, "session.revoke", {
        "id": _another_device(c, _someone_else(w, r))}),
    "`session.revoke_others`": lambda c, w, r: outcome(c, "session.revoke_others", {}),
}
