"""The reports' and certificates' cells of docs/roles.md: what each action does for tests/integration/test_roles.py."""
from __future__ import annotations

from datetime import timedelta

from server.extensions import db
from server.networks.years import school_year
from server.syncing.engine import engine
from tests.integration.meetings_helpers import now, outcome, planned


def _attended(w) -> int:
    """A meeting held three days ago with the member present; the year it starts (2026 for 2026/2027)."""
    starts = now() - timedelta(days=3)
    meeting_id = planned(w.users["coordinator"], w.network_id, starts)
    with engine.writing(db.session, w.users["coordinator"]) as ctx:
        engine.run(ctx, "attendance.set", {"meeting_id": meeting_id, "user_id": w.users["member"], "present": True,
                                           "at": now().isoformat()})
    return int(school_year(starts.date()).split("/")[0])


def _issue_own(c, w) -> str:
    return outcome(c, "certificate.issue", {"network_id": w.network_id, "year": _attended(w)})


FORMER = ("left", "removed")  # members who attended a meeting before they left (roles_world.py)


def _issue_members(c, w, role) -> str:
    """For the member; the member herself asks for the expert's (someone else's)."""
    other = w.users["expert" if role == "member" else "member"]
    return outcome(c, "certificate.issue", {"network_id": w.network_id, "year": _attended(w), "user_id": other})


def _issued(w, whose: str = "member") -> tuple[int, str]:
    """The member's (or a former member's) certificate, issued by the admin: (year, its id)."""
    from server.reports.models import Certificate

    year = _attended(w)
    with engine.writing(db.session, w.users["admin"]) as ctx:
        engine.run(ctx, "certificate.issue", {"network_id": w.network_id, "year": year, "user_id": w.users[whose]})
    return year, db.session.query(Certificate.id).filter_by(user_id=w.users[whose]).scalar()


def _revoke(c, w) -> str:
    _year, cid = _issued(w)
    return outcome(c, "certificate.revoke", {"id": cid, "reason": "Błąd w danych"})


def _http(response) -> str:
    return {200: "applied", 403: "forbidden", 404: "forbidden", 409: "not_found"}.get(
        response.status_code, str(response.status_code))


def _download_own(c, w, role) -> str:
    year, _cid = _issued(w, role if role in FORMER else "member")
    return _http(c.http.get(f"/api/networks/{w.network_id}/certificate?year={year}"))


def _download_members(c, w, role) -> str:
    year, _cid = _issued(w)
    if role == "member":  # hers is not someone else's: she asks for the coordinator's
        return _http(c.http.get(f"/api/networks/{w.network_id}/certificate?year={year}&user_id={w.users['coordinator']}"))
    return _http(c.http.get(f"/api/networks/{w.network_id}/certificate?year={year}&user_id={w.users['member']}"))


def _report(c, w) -> str:
    return _http(c.http.get(f"/api/networks/{w.network_id}/report?year={_attended(w)}&format=pdf"))


def _summary(c, w) -> str:
    return _http(c.http.get(f"/api/reports/summary?year={_attended(w)}&format=csv"))


def _verify(c, w) -> str:
    from server.reports.models import Certificate

    _year, cid = _issued(w)
    code = db.session.get(Certificate, cid).code
    page = c.http.get(f"/v/{code}")
    return "applied" if page.status_code == 200 and "Zaświadczenie jest ważne" in page.get_data(as_text=True) \
        else "forbidden"


ACTIONS = {
    "download the network's annual report": lambda c, w, r: _report(c, w),
    "download the Poradnia's summary of a school year": lambda c, w, r: _summary(c, w),
    "`certificate.issue` (her own)": lambda c, w, r: _issue_own(c, w),
    "`certificate.issue` (someone else's, with user_id)": _issue_members,
    "`certificate.revoke`": lambda c, w, r: _revoke(c, w),
    "download her own certificate (once issued)": _download_own,
    "download someone else's certificate (with user_id)": _download_members,
    "open a certificate's verification page /v/<code>": lambda c, w, r: _verify(c, w),
}


def _everyones(c, w) -> str:
    """The list of every participant's certificate and the ZIP of them: both, or neither."""
    year, _cid = _issued(w)
    listing = _http(c.http.get(f"/api/networks/{w.network_id}/certificates?year={year}"))
    archive = _http(c.http.get(f"/api/networks/{w.network_id}/certificates.zip?year={year}"))
    return listing if listing == archive else f"list {listing}, zip {archive}"


ACTIONS["every participant's certificate: the list, and all as one ZIP (certificates, certificates.zip)"] = \
    lambda c, w, r: _everyones(c, w)
