"""The Poradnia's summary of a school year (GET /api/reports/summary) as PDF, DOCX and CSV, for staff."""
from __future__ import annotations

import csv
import io

from server.extensions import db
from tests.integration import reports_helpers as h


def summary(client, year, fmt):
    return client.http.get(f"/api/reports/summary?year={year}&format={fmt}")


def test_the_summary_counts_networks_people_schools_and_hours(app, as_user):
    y = h.a_year(db.session)
    staff = as_user(h.PEOPLE["staff"][0])
    rows = list(csv.reader(io.StringIO(summary(staff, y.start, "csv").data.decode("utf-8-sig")), delimiter=";"))
    label = f"{y.start}/{y.start + 1}"
    assert rows[0] == ["Rok szkolny", "Sieć", "Koordynator", "Spotkania", "Uczestnicy", "Szkoły", "Godziny"]
    assert rows[1] == [label, "Sieć nauczycieli edukacji wczesnoszkolnej „Źdźbło”", "Małgorzata Żółtowska",
                       "3", "2", "2", "8"]
    assert rows[2][:2] == [label, "Razem (osoby i szkoły liczone raz)"] and rows[2][3:] == ["3", "2", "2", "8"]

    pdf = summary(staff, y.start, "pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = h.pdf_text(pdf.data)
    assert f"w roku szkolnym {label}" in text and "Źdźbło" in text and "Małgorzata Żółtowska" in text
    assert "Strona 1 z 1" in text
    docx = summary(staff, y.start, "docx")
    assert "Sieć nauczycieli edukacji wczesnoszkolnej „Źdźbło” | Małgorzata Żółtowska | 3 | 2 | 2 | 8" in h.docx_text(docx.data)


def test_an_empty_year_and_bad_input(app, as_user):
    h.build(db.session)
    staff = as_user(h.PEOPLE["staff"][0])
    text = h.pdf_text(summary(staff, 2003, "pdf").data)
    assert "W tym roku szkolnym nie działała żadna sieć." in text
    bad = summary(staff, 2026, "xls")
    assert bad.status_code == 400 and "format" in bad.get_json()["error"]["fields"]
    assert summary(as_user(h.PEOPLE["zaneta"][0]), 2026, "csv").status_code == 403
