"""Every participant's certificate at once, for the network's coordinator and the Poradnia's staff:
the list of participants with each one's state (GET /api/networks/<id>/certificates) and every
certificate that holds in one ZIP (…/certificates.zip), read back with pypdf; revoked ones are not
in it, and nobody outside the Poradnia gets either. GETs change nothing."""
from __future__ import annotations

import io
import zipfile

from sqlalchemy import func, select

from server.extensions import db
from server.reports.models import Certificate
from tests.integration import reports_helpers as h
from tests.integration.meetings_helpers import outcome


def issue(client, y, key: str) -> str:
    return outcome(client, "certificate.issue", {"network_id": y.network_id, "year": y.start, "user_id": y.users[key]})


def listing(client, y):
    return client.http.get(f"/api/networks/{y.network_id}/certificates?year={y.start}")


def archive(client, y):
    return client.http.get(f"/api/networks/{y.network_id}/certificates.zip?year={y.start}")


def test_the_list_says_who_attended_and_what_each_holds(app, as_user):
    y = h.a_year(db.session)
    coordinator = as_user(h.PEOPLE["coordinator"][0])
    before = listing(coordinator, y)
    assert before.status_code == 200 and before.headers["Cache-Control"].startswith("no-store")
    people = {p["name"]: p for p in before.get_json()["participants"]}
    assert list(people) == ["Grzegorz Brzęczyszczykiewicz", "Sławomir Ćwikła", "Żaneta Łęcka"]  # members, by name
    zaneta = people["Żaneta Łęcka"]
    assert zaneta["school"] == "Szkoła Podstawowa nr 7 im. Józefa Piłsudskiego, Łódź"
    assert (zaneta["meetings"], zaneta["hours"], zaneta["certificate"]) == (3, 6.0, None)
    assert (people["Grzegorz Brzęczyszczykiewicz"]["meetings"], people["Grzegorz Brzęczyszczykiewicz"]["hours"]) == (1, 2.0)
    assert (people["Sławomir Ćwikła"]["meetings"], people["Sławomir Ćwikła"]["hours"]) == (0, 0.0)

    assert issue(coordinator, y, "zaneta") == "applied" and issue(coordinator, y, "grzegorz") == "applied"
    cid = db.session.scalar(select(Certificate.id).where(Certificate.user_id == y.users["grzegorz"]))
    assert outcome(coordinator, "certificate.revoke", {"id": cid, "reason": "Błędna szkoła"}) == "applied"
    people = {p["name"]: p for p in listing(coordinator, y).get_json()["participants"]}
    assert people["Żaneta Łęcka"]["certificate"]["number"] == f"1/{y.start}/{y.start + 1}"
    assert people["Żaneta Łęcka"]["certificate"]["revoked_at"] is None
    revoked = people["Grzegorz Brzęczyszczykiewicz"]["certificate"]
    assert revoked["revoked_at"] and revoked["revoked_reason"] == "Błędna szkoła"
    assert issue(coordinator, y, "grzegorz") == "applied"  # a corrected one: the one that holds shows
    again = {p["name"]: p for p in listing(coordinator, y).get_json()["participants"]}["Grzegorz Brzęczyszczykiewicz"]
    assert again["certificate"]["number"] == f"3/{y.start}/{y.start + 1}" and again["certificate"]["revoked_at"] is None


def test_the_zip_holds_every_certificate_that_holds_and_no_revoked_one(app, as_user):
    y = h.a_year(db.session)
    staff = as_user(h.PEOPLE["staff"][0])  # an employee with no role in the network
    empty = archive(staff, y)
    assert empty.status_code == 409 and empty.get_json()["error"]["code"] == "not_issued"
    assert issue(staff, y, "zaneta") == "applied" and issue(staff, y, "grzegorz") == "applied"
    cid = db.session.scalar(select(Certificate.id).where(Certificate.user_id == y.users["grzegorz"]))
    assert outcome(staff, "certificate.revoke", {"id": cid, "reason": "Pomyłka"}) == "applied"
    count = db.session.scalar(select(func.count()).select_from(Certificate))

    response = archive(staff, y)
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"] == \
        f'attachment; filename="zaswiadczenia-{y.start}-{y.start + 1}.zip"'
    with zipfile.ZipFile(io.BytesIO(response.data)) as zf:
        names = zf.namelist()
        assert names == [f"zaswiadczenie-1-{y.start}-{y.start + 1}-Zaneta-Lecka.pdf"]  # Grzegorz's is revoked
        text = h.pdf_text(zf.read(names[0]))
    assert f"nr 1/{y.start}/{y.start + 1}" in text and "Zaświadcza się, że Żaneta Łęcka" in text
    assert "uczestniczyła w pracach sieci „Sieć nauczycieli edukacji wczesnoszkolnej „Źdźbło””" in text  # her form
    assert "w łącznym wymiarze 6 godz." in text and "Brzęczyszczykiewicz" not in text
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Certificate)) == count  # a GET issues nothing


def test_nobody_outside_the_poradnia_gets_them(app, as_user):
    y = h.a_year(db.session)
    assert issue(as_user(h.PEOPLE["staff"][0]), y, "zaneta") == "applied"
    for key in ("zaneta", "expert", "outsider"):  # a member (hers is in it), a guest expert, another school's teacher
        client = as_user(h.PEOPLE[key][0])
        for response in (listing(client, y), archive(client, y)):
            assert response.status_code == 403 and response.get_json()["error"]["code"] == "forbidden"
    signed_out = app.test_client()
    assert signed_out.get(f"/api/networks/{y.network_id}/certificates.zip?year={y.start}").status_code == 401
    bad = as_user(h.PEOPLE["staff"][0]).http.get(f"/api/networks/{y.network_id}/certificates.zip?year=abc")
    assert bad.status_code == 400 and "year" in bad.get_json()["error"]["fields"]
