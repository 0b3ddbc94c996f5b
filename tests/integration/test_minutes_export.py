"""A meeting's minutes exported (server/reports/minutes.py): the co-edited document's
y-prosemirror content — headings, paragraphs, lists, bold, italics, links — as PDF and DOCX
under the meeting's header, for those who may read the meeting, and in the annual report.
Built with pycrdt as the editor writes it, read back with pypdf and python-docx. Both databases."""
from __future__ import annotations

import base64
import io
import json
import subprocess
from pathlib import Path

import pycrdt
import pytest
from docx import Document as Docx
from pycrdt import XmlElement, XmlFragment, XmlText
from pypdf import PdfReader

from server.extensions import db
from server.reports.richtext import blocks, plain
from tests.integration.reports_helpers import a_year, pdf_text

LINK = "https://www.gov.pl/web/edukacja"
PWA = Path(__file__).resolve().parents[2] / "pwa"


def text(parent, *runs) -> None:
    """An XmlText with its runs: plain strings, or (string, {mark: attrs}) as y-prosemirror sets them."""
    t = parent.children.append(XmlText())
    for run in runs:
        chunk, marks = run if isinstance(run, tuple) else (run, None)
        t.insert(len(t), chunk, marks)


def minutes_update() -> bytes:
    """Minutes as the editor (Tiptap, y-prosemirror) writes them into the fragment "content"."""
    doc = pycrdt.Doc()
    content = doc.get("content", type=XmlFragment)
    text(content.children.append(XmlElement("heading", {"level": 1})), "Przebieg spotkania")
    text(content.children.append(XmlElement("paragraph")), "Spotkanie otworzyła ", ("Małgorzata Żółtowska", {"bold": {}}),
         ", która przypomniała ", ("zasady oceniania kształtującego", {"italic": {}}), " i ",
         ("podstawę programową", {"link": {"href": LINK}}), ".")
    text(content.children.append(XmlElement("heading", {"level": 2})), "Ustalenia")
    ordered = content.children.append(XmlElement("orderedList"))
    for words in ("Żaneta przygotuje scenariusz zajęć.", "Grzegorz zbierze ćwiczenia źródłowe."):
        text(ordered.children.append(XmlElement("listItem")).children.append(XmlElement("paragraph")), words)
    bullets = content.children.append(XmlElement("bulletList"))
    item = bullets.children.append(XmlElement("listItem"))
    text(item.children.append(XmlElement("paragraph")), "Następne spotkanie: ", ("gry planszowe", {"bold": {}, "italic": {}}))
    nested = item.children.append(XmlElement("bulletList"))
    text(nested.children.append(XmlElement("listItem")).children.append(XmlElement("paragraph")), "zgłoszenia do piątku")
    text(content.children.append(XmlElement("paragraph")), "Zażółć gęślą jaźń — ĄĆĘŁŃÓŚŹŻ.")
    return doc.get_update()


WORDS = ["Przebieg spotkania", "Małgorzata Żółtowska", "zasady oceniania kształtującego", "podstawę programową",
         "Ustalenia", "Żaneta przygotuje scenariusz zajęć.", "Grzegorz zbierze ćwiczenia źródłowe.",
         "gry planszowe", "zgłoszenia do piątku", "Zażółć gęślą jaźń — ĄĆĘŁŃÓŚŹŻ."]


def test_what_y_prosemirror_itself_writes_is_read_the_same():
    """The editor's side of the contract: y-prosemirror (npm, as the PWA binds the editor) writes
    marks as attributes holding their attrs (bold: {}), lists with their own attributes."""
    text = lambda words, *marks: {"type": "text", "text": words, "marks": [{"type": m} if isinstance(m, str) else m
                                                                          for m in marks]}  # noqa: E731
    para = lambda *runs: {"type": "paragraph", "content": list(runs)}  # noqa: E731
    prose = {"type": "doc", "content": [
        {"type": "heading", "attrs": {"level": 2}, "content": [text("Ustalenia")]},
        para(text("Zażółć "), text("gęślą", "bold"), text(" jaźń", "italic", {"type": "link", "attrs": {"href": LINK}})),
        {"type": "orderedList", "attrs": {"start": 3}, "content": [{"type": "listItem", "content": [
            para(text("jeden")),
            {"type": "bulletList", "content": [{"type": "listItem", "content": [para(text("pod"))]}]}]}]},
    ]}
    written = subprocess.run(["node", "test/docs/prosemirror.mjs", json.dumps(prose)], cwd=PWA, capture_output=True,
                             text=True, timeout=60, check=True).stdout
    found = blocks(base64.b64decode(written))
    assert found[0].level == 2 and plain(found) == "Ustalenia\nZażółć gęślą jaźń\njeden\npod"
    runs = found[1].runs
    assert runs[1].bold and not runs[1].italic and runs[2].italic and runs[2].href == LINK and not runs[0].bold
    assert found[2].ordered and found[2].start == 3 and not found[2].items[0][1].ordered


@pytest.fixture
def year(app, as_user):
    y = a_year(db.session)
    zaneta = as_user(y.emails["zaneta"])  # a member writes them, offline, by the HTTP fallback
    answer = zaneta.post_json(f"/api/docs/minutes:{y.meetings[0]}/sync",
                              {"updates": [base64.b64encode(minutes_update()).decode()]})
    assert answer.status_code == 200, answer.get_json()
    return y


def test_the_walk_keeps_structure_and_marks():
    found = blocks(minutes_update())
    assert [type(b).__name__ for b in found] == ["Rich", "Rich", "Rich", "Items", "Items", "Rich"]
    assert (found[0].level, found[2].level) == (1, 2)
    runs = {r.text: r for r in found[1].runs}
    assert runs["Małgorzata Żółtowska"].bold and not runs["Małgorzata Żółtowska"].italic
    assert runs["zasady oceniania kształtującego"].italic and runs["podstawę programową"].href == LINK
    assert found[3].ordered and not found[4].ordered and len(found[3].items) == 2
    first = found[4].items[0]
    assert first[0].runs[1].bold and first[0].runs[1].italic and plain(first[1].items[0]) == "zgłoszenia do piątku"
    assert blocks(pycrdt.Doc().get_update()) == []


def test_the_minutes_as_pdf_under_the_meeting_s_header(year, as_user, tmp_path):
    answer = as_user(year.emails["expert"]).http.get(f"/api/meetings/{year.meetings[0]}/minutes?format=pdf")
    assert answer.status_code == 200 and answer.content_type == "application/pdf"
    assert 'filename="protokol-' in answer.headers["Content-Disposition"]
    said = pdf_text(answer.data)
    for words in ["Protokół spotkania: Dziecko w szkole — adaptacja", "Poradnia Psychologiczno-Pedagogiczna nr 2 w Łodzi",
                  "Obecni (2)", "Grzegorz Brzęczyszczykiewicz, Żaneta Łęcka", "Dr Ewa Świątek", "14 października",
                  "15:00–17:00", *WORDS, "1.", "2.", "•"]:
        assert words in said, words
    reader = PdfReader(io.BytesIO(answer.data))
    fonts = {str(f["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert any("Bold" in f and "Oblique" not in f for f in fonts) and any("BoldOblique" in f for f in fonts)
    assert any(f.endswith("DejaVuSansOblique") for f in fonts), fonts
    links = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", [])]
    assert LINK in links
    (tmp_path / "minutes.pdf").write_bytes(answer.data)


def test_the_minutes_as_docx_say_the_same_with_their_styles(year, as_user):
    answer = as_user(year.emails["zaneta"]).http.get(f"/api/meetings/{year.meetings[0]}/minutes?format=docx")
    assert answer.status_code == 200 and "wordprocessingml" in answer.content_type
    doc = Docx(io.BytesIO(answer.data))
    paragraphs = [p.text for p in doc.paragraphs]
    said = "\n".join(paragraphs)
    for words in [*WORDS, "Żaneta Łęcka", "Obecni (2)"]:
        assert words in said, words
    heading = next(p for p in doc.paragraphs if p.text == "Przebieg spotkania")
    assert heading.style.name == "Heading 3"
    assert any(p.startswith("1.\tŻaneta") for p in paragraphs) and any(p.startswith("•\tNastępne") for p in paragraphs)
    runs = {r.text: r for p in doc.paragraphs for r in p.runs}
    assert runs["Małgorzata Żółtowska"].bold and runs["zasady oceniania kształtującego"].italic
    assert runs["gry planszowe"].bold and runs["gry planszowe"].italic
    assert LINK in [rel.target_ref for rel in doc.part.rels.values() if rel.is_external]


def test_who_may_download_the_minutes(year, as_user):
    path = f"/api/meetings/{year.meetings[0]}/minutes"
    for key, status in (("coordinator", 200), ("zaneta", 200), ("expert", 200), ("staff", 200), ("outsider", 403)):
        assert as_user(year.emails[key]).http.get(path).status_code == status, key
    zaneta = as_user(year.emails["zaneta"])
    unwritten = zaneta.http.get(f"/api/meetings/{year.meetings[1]}/minutes?format=pdf")
    assert "Protokół tego spotkania nie został napisany w Kręgu." in pdf_text(unwritten.data)
    bad = zaneta.http.get(f"{path}?format=odt").get_json()
    assert bad["error"]["fields"]["format"] == ["Wybierz format: pdf, docx."]
    assert zaneta.http.get("/api/meetings/00000000-0000-4000-8000-000000000000/minutes").status_code == 404


def test_the_annual_report_holds_each_meeting_s_minutes(year, as_user, tmp_path):
    coordinator = as_user(year.emails["coordinator"])
    report = coordinator.http.get(f"/api/networks/{year.network_id}/report?year={year.start}&format=pdf").data
    (tmp_path / "report.pdf").write_bytes(report)  # to look at (pdftoppm)
    said = pdf_text(report)
    part = said[said.index("Protokoły spotkań"):]
    assert part.index("1. Dziecko w szkole") < part.index("Przebieg spotkania") < part.index("2. Ocenianie kształtujące")
    for words in WORDS:
        assert words in part, words
    assert part.count("Protokół tego spotkania nie został napisany w Kręgu.") == 2  # the other two held
    assert "Spotkanie odwołane" not in part
    docx = Docx(io.BytesIO(coordinator.http.get(
        f"/api/networks/{year.network_id}/report?year={year.start}&format=docx").data))
    assert "Zażółć gęślą jaźń — ĄĆĘŁŃÓŚŹŻ." in [p.text for p in docx.paragraphs]
