"""The calendar's and contacts' cells of docs/roles.md: what each action does for tests/integration/test_roles.py."""
from __future__ import annotations

from tests.integration.meetings_helpers import outcome, planned


def _someone_else(role: str) -> str:
    return "member" if role != "member" else "expert"


def _feed_shows(c, w) -> str:
    """Her feed (by its secret, made by calendar.reset) holds the network's meeting."""
    meeting_id = planned(w.users["coordinator"], w.network_id)
    if outcome(c, "calendar.reset", {}) != "applied":
        return "refused"
    url = c.http.get("/api/me").get_json()["calendar_url"]
    feed = c.app.test_client().get(url.removeprefix(c.app.config["BASE_URL"]))
    return "applied" if feed.status_code == 200 and f"UID:{meeting_id}@krag" in feed.get_data(as_text=True) \
        else "forbidden"


def _one_ics(c, w) -> str:
    response = c.http.get(f"/api/meetings/{planned(w.users['coordinator'], w.network_id)}.ics")
    return {200: "applied", 404: "forbidden"}.get(response.status_code, str(response.status_code))


def _contact_seen(c, w, role: str) -> str:
    """Someone else in the network shares her address: is it on this device?"""
    from tests.apiclient import ApiClient

    other = ApiClient.signed_in(c.app, w.emails[_someone_else(role)])
    assert outcome(other, "profile.update", {"share_email": True}) == "applied"
    return "applied" if other.id in c.rows("contact") else "forbidden"


ACTIONS = {
    "`calendar.reset` (her own feed)": lambda c, w, r: outcome(c, "calendar.reset", {}),
    "her calendar feed shows the network's meetings": lambda c, w, r: _feed_shows(c, w),
    "download a meeting's .ics": lambda c, w, r: _one_ics(c, w),
    "see a shared e-mail address (contact rows, pull)": _contact_seen,
}
