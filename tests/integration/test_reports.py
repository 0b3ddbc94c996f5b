"""The annual report of a network (GET /api/networks/<id>/report), read back from the PDF
(pypdf) and the DOCX (python-docx): Polish letters, the meetings held, hours summed right."""
from __future__ import annotations

from datetime import timedelta

import pytest

from server.extensions import db
from server.networks.models import Network
from server.reports import report as report_doc
from server.reports.period import SchoolYear
from tests.integration import reports_helpers as h


def report(client, y, fmt="pdf", year=None):
    return client.http.get(f"/api/networks/{y.network_id}/report?year={year or y.start}&format={fmt}")


def test_the_report_as_pdf_says_what_the_year_held(app, as_user):
    y = h.a_year(db.session)
    response = report(as_user(h.PEOPLE["coordinator"][0]), y)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == f'attachment; filename="sprawozdanie-{y.start}-{y.start + 1}.pdf"'
    text = h.pdf_text(response.data)
    assert h.PORADNIA in text and h.ADDRESS in text
    assert (f"Sprawozdanie z pracy sieci „Sieć nauczycieli edukacji wczesnoszkolnej „Źdźbło”” w roku szkolnym "
            f"{y.start}/{y.start + 1}") in text
    for name in ("Żaneta Łęcka", "Grzegorz Brzęczyszczykiewicz", "Sławomir Ćwikła", "Małgorzata Żółtowska",
                 "Dr Ewa Świątek", "Szkoła Podstawowa nr 7 im. Józefa Piłsudskiego, Łódź"):
        assert name in text, name
    assert "Dziecko w szkole — adaptacja" in text and "Zabawy integracyjne" in text
    assert "Spotkanie odwołane" not in text  # cancelled: counted, not listed
    assert "Spotkania odwołane:" in text
    # Żaneta: 2 + 1.5 (corrected) + 2.5 = 6; Grzegorz 2; Sławomir 0; everyone 8.
    assert "3 z 3 6" in text and "1 z 3 2" in text and "0 z 3 0" in text
    assert "Razem 8" in text
    assert "Łączna liczba godzin udziału uczestników: 8" in text
    assert "W tym roku szkolnym sieć nie przeprowadziła w Kręgu ankiet" in text
    assert "Strona 1 z " in text


def test_the_report_as_docx_says_the_same(app, as_user):
    y = h.a_year(db.session)
    response = report(as_user(h.PEOPLE["staff"][0]), y, "docx")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    text = h.docx_text(response.data)
    assert h.PORADNIA in text and h.ADDRESS in text
    assert "3 | Żaneta Łęcka | Szkoła Podstawowa nr 7 im. Józefa Piłsudskiego, Łódź | 3 z 3 | 6" in text
    assert "Grzegorz Brzęczyszczykiewicz | Zespół Szkół w Zgierzu, Zgierz | 1 z 3 | 2" in text
    assert "Ocenianie kształtujące" in text and "| Razem |" in text


def test_a_year_with_nothing_in_it_is_an_honest_empty_report(app, as_user):
    y = h.build(db.session)
    coordinator = as_user(h.PEOPLE["coordinator"][0])
    response = report(coordinator, y, year=y.start - 5)
    assert response.status_code == 200
    text = h.pdf_text(response.data)
    assert "nie odbyło się jeszcze żadne spotkanie sieci" in text
    assert "Na forum sieci nie było w tym roku wpisów." in text
    assert report(coordinator, y, "docx", year=y.start - 5).status_code == 200


def test_a_bad_year_or_format_is_a_400_in_the_error_shape(app, as_user):
    y = h.build(db.session)
    coordinator = as_user(h.PEOPLE["coordinator"][0])
    for query, field in (("year=abc", "year"), ("year=1999", "year"), ("format=pdf", "year"),
                         (f"year={y.start}&format=odt", "format")):
        response = coordinator.http.get(f"/api/networks/{y.network_id}/report?{query}")
        assert response.status_code == 400, query
        body = response.get_json()["error"]
        assert body["code"] == "invalid_request" and field in body["fields"], query
    missing = coordinator.http.get(f"/api/networks/{'0' * 8}-0000-4000-8000-{'0' * 12}/report?year=2026")
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"


def test_only_its_coordinator_and_staff_download_it(app, as_user):
    y = h.a_year(db.session)
    for key, status in (("coordinator", 200), ("staff", 200), ("zaneta", 403), ("expert", 403), ("outsider", 403)):
        response = report(as_user(h.PEOPLE[key][0]), y)
        assert response.status_code == status, key


def test_a_long_table_breaks_across_pages_with_its_header_again(app, as_user):
    from server.accounts import services as accounts
    from server.networks.membership import activate
    from server.networks.models import Network
    from server.syncing.engine import engine

    y = h.a_year(db.session)
    with engine.writing(db.session, y.users["coordinator"]) as ctx:
        net = db.session.get(Network, y.network_id)
        for i in range(70):
            someone = accounts.create_user(db.session, f"n{i}@szkola.example", f"Nauczycielka Źdźbło {i:02d}")
            activate(ctx, net, someone.id, "member")
    body = report(as_user(h.PEOPLE["coordinator"][0]), y).data
    pages = h.pdf_pages(body)
    assert pages >= 3
    from pypdf import PdfReader
    import io

    texts = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(body)).pages]
    continued = [t for t in texts if "Nauczycielka Źdźbło" in t]
    assert len(continued) >= 2 and all("Imię i nazwisko Szkoła Spotkania Godziny" in t for t in continued)
    assert all(f"Strona {n} z {pages}" in t for n, t in enumerate(texts, 1))
    assert h.PORADNIA in texts[-1]  # the letterhead on every page


def test_a_domain_fills_its_kept_place_in_the_report(app, as_user, monkeypatch):
    from server.reports import sections
    from server.reports.document import Paragraph, Section

    monkeypatch.setattr(sections, "_provided", {})  # this test's places only
    sections.provide("surveys", lambda s: Section("Ankiety", [Paragraph(f"Diagnoza potrzeb sieci „{s.network.name}”: "
                                                                        "12 odpowiedzi.")]))
    y = h.a_year(db.session)
    text = h.pdf_text(report(as_user(h.PEOPLE["coordinator"][0]), y).data)
    assert "6. Ankiety Diagnoza potrzeb sieci „Sieć nauczycieli edukacji wczesnoszkolnej „Źdźbło””: 12 odpowiedzi." in text
    assert "nie przeprowadziła w Kręgu ankiet" not in text
    assert sections.keys().index("surveys") == 5  # its place, after the plan's tasks
    sections.provide("nie_ma_takiej", lambda s: None)
    with pytest.raises(KeyError):  # a misspelt place is not silently left out
        report_doc.build(db.session, db.session.get(Network, y.network_id), SchoolYear(y.start))


def test_the_years_surveys_are_summed_up_in_the_report(app, as_user):
    from tests.integration.surveys_helpers import answer_args, new_key, survey_args
    from tests.integration.meetings_helpers import outcome
    from server.syncing.engine import engine

    y = h.a_year(db.session)
    opens = h.at(y.start, 9, 20)
    needs = survey_args(y.network_id, opens, title="Diagnoza potrzeb — „Źdźbło”")
    evaluation = survey_args(y.network_id, h.at(y.start, 6, 1), kind="evaluation", anonymous=True, title="Ewaluacja")
    earlier = survey_args(y.network_id, h.at(y.start - 1, 9, 20), title="Ankieta z zeszłego roku")
    with engine.writing(db.session, y.users["coordinator"]) as ctx:
        for args in (needs, evaluation, earlier):
            engine.run(ctx, "survey.create", args)
    for key in ("zaneta", "grzegorz"):
        client = as_user(h.PEOPLE[key][0])
        assert outcome(client, "survey.answer", answer_args(needs["id"], at=opens + timedelta(hours=2))) == "applied"
    assert outcome(as_user(h.PEOPLE["zaneta"][0]), "survey.answer", answer_args(
        evaluation["id"], at=h.at(y.start, 6, 1) + timedelta(hours=2), key=new_key())) == "applied"
    text = h.pdf_text(report(as_user(h.PEOPLE["coordinator"][0]), y).data)
    assert (f"1 Diagnoza potrzeb — „Źdźbło” diagnoza potrzeb 20.09.{y.start} – 04.10.{y.start} 2") in text
    assert f"2 Ewaluacja ewaluacja, anonimowa 01.06.{y.start + 1} – 15.06.{y.start + 1} 1" in text
    assert "Ankieta z zeszłego roku" not in text and "nie przeprowadziła w Kręgu ankiet" not in text
    assert ("1. Diagnoza potrzeb — „Źdźbło” — wyniki (odpowiedzi: 2) Jakie tematy Panią/Pana interesują? — "
            "Ocenianie kształtujące 2 (100%); Praca z uczniem ze SPE 0 (0%); Narzędzia cyfrowe 2 (100%).") in text
    assert "Jak przydatne były spotkania? — średnia 4 w skali 1–5 (2 odp.)." in text
    assert "Co jeszcze chciałaby Pani/chciałby Pan dodać? — odpowiedzi otwarte: 2" in text
    assert "Więcej warsztatów" not in text  # open answers stay in the app
    assert "2. Ewaluacja — wyniki (odpowiedzi: 1) Ankieta anonimowa: wyniki pokazuje się od 3 odpowiedzi." in text
