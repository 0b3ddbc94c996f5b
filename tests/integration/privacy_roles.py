"""The RODO cells of docs/roles.md (her data, her account) and the audit log's, for
tests/integration/test_roles.py. Everyone downloads her own data and deletes her own account,
unless someone must take over first (the network's only coordinator); a Poradnia admin does
both for anyone, on request; only admins read the audit log."""
from __future__ import annotations

from tests.integration.meetings_helpers import outcome


def _http(response) -> str:
    return {200: "applied", 403: "forbidden", 404: "forbidden"}.get(response.status_code, str(response.status_code))


def _someone_else(w, role: str) -> str:
    return w.users["member" if role != "member" else "expert"]


ACTIONS = {
    "`account.delete` (her own)": lambda c, w, r: outcome(c, "account.delete", {}),
    "`account.delete` (someone else's, with user_id, on her request)": lambda c, w, r: outcome(
        c, "account.delete", {"user_id": _someone_else(w, r)}),
    "download her own data (POST /api/me/export)": lambda c, w, r: _http(c.post_json("/api/me/export", {})),
    "download someone else's data (POST /api/people/<id>/export)": lambda c, w, r: _http(
        c.post_json(f"/api/people/{_someone_else(w, r)}/export", {})),
    "read the audit log (GET /api/audit)": lambda c, w, r: _http(c.http.get("/api/audit")),
}
