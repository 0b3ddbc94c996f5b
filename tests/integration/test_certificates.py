"""Certificates (zaświadczenia): issued by certificate.issue through the engine, rendered by a GET
that changes nothing, read back from the PDF; the public page /v/<code> for a valid, a revoked
and an unknown code."""
from __future__ import annotations

from sqlalchemy import func, select

from server.extensions import db
from server.reports.models import Certificate
from tests.integration import reports_helpers as h
from tests.integration.meetings_helpers import outcome, result

BASE = "http://127.0.0.1:5000"


def issue(client, y, **extra) -> str:
    return outcome(client, "certificate.issue", {"network_id": y.network_id, "year": y.start, **extra})


def download(client, y, user_id=None):
    query = f"year={y.start}" + (f"&user_id={user_id}" if user_id else "")
    return client.http.get(f"/api/networks/{y.network_id}/certificate?{query}")


def test_she_issues_hers_and_the_pdf_says_it_all(app, as_user):
    y = h.a_year(db.session)
    zaneta = as_user(h.PEOPLE["zaneta"][0])
    before = download(zaneta, y)
    assert before.status_code == 409 and before.get_json()["error"]["code"] == "not_issued"
    assert "Wystaw je" in before.get_json()["error"]["message"]
    assert db.session.scalar(select(func.count()).select_from(Certificate)) == 0  # a GET never issues
    assert issue(zaneta, y) == "applied"
    assert issue(zaneta, y) == "applied"  # again: the same paper, no second number
    (row,) = zaneta.rows("certificate").values()  # on her device
    assert row["number"] == f"1/{y.start}/{y.start + 1}" and row["hours"] == 6.0 and row["revoked_at"] is None

    response = download(zaneta, y)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == f'attachment; filename="zaswiadczenie-1-{y.start}-{y.start + 1}.pdf"'
    text = h.pdf_text(response.data)
    assert "ZAŚWIADCZENIE" in text and f"nr 1/{y.start}/{y.start + 1}" in text
    assert h.PORADNIA in text and h.ADDRESS in text
    assert ("Zaświadcza się, że Żaneta Łęcka, Szkoła Podstawowa nr 7 im. Józefa Piłsudskiego, Łódź, uczestniczyła "
            "w pracach sieci „Sieć nauczycieli edukacji wczesnoszkolnej „Źdźbło””") in text
    assert f"w roku szkolnym {y.start}/{y.start + 1}, w łącznym wymiarze 6 godz." in text
    assert f"14.10.{y.start} Dziecko w szkole — adaptacja 2" in text
    assert f"20.01.{y.start + 1} Ocenianie kształtujące 1,5" in text  # corrected: she came late
    assert "Gry planszowe w nauczaniu 2,5" in text and "Razem 6" in text
    assert "Spotkanie odwołane" not in text
    assert "Małgorzata Żółtowska koordynator sieci" in text
    assert f"{BASE}/v/{row['code']}" in text and h.pdf_pages(response.data) == 1


def test_staff_issue_and_download_anyones_and_nobody_else_does(app, as_user):
    y = h.a_year(db.session)
    staff, zaneta, grzegorz = (as_user(h.PEOPLE[k][0]) for k in ("staff", "zaneta", "grzegorz"))
    assert issue(grzegorz, y, user_id=y.users["zaneta"]) == "forbidden"
    assert issue(staff, y, user_id=y.users["grzegorz"]) == "applied"
    assert issue(zaneta, y) == "applied"
    assert download(zaneta, y, y.users["grzegorz"]).status_code == 403
    assert download(staff, y, y.users["grzegorz"]).status_code == 200
    text = h.pdf_text(download(staff, y, y.users["zaneta"]).data)
    assert f"nr 2/{y.start}/{y.start + 1}" in text and "Żaneta Łęcka" in text  # numbered in the order issued
    assert "Grzegorz Brzęczyszczykiewicz, Zespół Szkół w Zgierzu, Zgierz, uczestniczył(a)" in h.pdf_text(
        download(grzegorz, y).data)  # no form of address chosen: both forms
    refused = result(staff, "certificate.issue", {"network_id": y.network_id, "year": y.start,
                                                  "user_id": y.users["outsider"]})
    assert refused["error"]["code"] == "invalid" and "user_id" in refused["error"]["fields"]


def test_no_certificate_without_attendance(app, as_user):
    y = h.a_year(db.session)
    refused = result(as_user(h.PEOPLE["slawomir"][0]), "certificate.issue", {"network_id": y.network_id, "year": y.start})
    assert refused["error"]["code"] == "nothing_attended" and "nie ma czego poświadczyć" in refused["error"]["message"]
    assert outcome(as_user(h.PEOPLE["expert"][0]), "certificate.issue",
                   {"network_id": y.network_id, "year": y.start}) == "forbidden"
    bad = result(as_user(h.PEOPLE["zaneta"][0]), "certificate.issue", {"network_id": y.network_id, "year": 1800})
    assert bad["error"]["code"] == "invalid" and "year" in bad["error"]["fields"]


def test_the_verification_page_valid_revoked_and_unknown(app, as_user):
    y = h.a_year(db.session)
    zaneta, staff = as_user(h.PEOPLE["zaneta"][0]), as_user(h.PEOPLE["staff"][0])
    assert issue(zaneta, y) == "applied"
    (row,) = zaneta.rows("certificate").values()
    page = app.test_client().get(f"/v/{row['code']}")  # no session
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.mimetype == "text/html" and '<html lang="pl">' in html
    assert "Zaświadczenie jest ważne" in html and "Żaneta Łęcka" in html and f"{y.start}/{y.start + 1}" in html
    assert "Sieć nauczycieli edukacji wczesnoszkolnej „Źdźbło”" in html and "<dd>6</dd>" in html
    assert "Szkoła Podstawowa" not in html and "Ocenianie" not in html  # only name, network, year and hours
    assert app.test_client().get("/v/_/style.css").mimetype == "text/css"

    assert outcome(zaneta, "certificate.revoke", {"id": row["id"]}) == "forbidden"
    assert outcome(staff, "certificate.revoke", {"id": row["id"], "reason": "Błędnie policzone godziny"}) == "applied"
    html = app.test_client().get(f"/v/{row['code']}").get_data(as_text=True)
    assert "Zaświadczenie unieważnione" in html and "Błędnie policzone godziny" in html
    assert "Zaświadczenie jest ważne" not in html
    assert zaneta.rows("certificate")[row["id"]]["revoked_at"] is not None
    assert download(zaneta, y).status_code == 409  # revoked: a new one must be issued
    assert issue(zaneta, y) == "applied"
    assert download(zaneta, y).status_code == 200

    unknown = app.test_client().get("/v/nieMaTakiego123")
    assert unknown.status_code == 404 and "Nie znaleziono zaświadczenia" in unknown.get_data(as_text=True)
    assert app.test_client().get("/v/" + "x" * 40).status_code == 404


def test_one_who_left_the_network_still_gets_hers(app, as_user):
    y = h.a_year(db.session)
    grzegorz = as_user(h.PEOPLE["grzegorz"][0])
    assert outcome(grzegorz, "membership.leave", {"network_id": y.network_id}) == "applied"
    assert issue(grzegorz, y) == "applied"
    text = h.pdf_text(download(grzegorz, y).data)
    assert "Grzegorz Brzęczyszczykiewicz" in text and "w łącznym wymiarze 2 godz." in text
    assert "Grzegorz Brzęczyszczykiewicz" in h.pdf_text(  # the report still lists him: he attended
        as_user(h.PEOPLE["coordinator"][0]).http.get(f"/api/networks/{y.network_id}/report?year={y.start}").data)
