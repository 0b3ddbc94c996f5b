"""A Document as a DOCX (python-docx) the Poradnia can still edit: A4, the letterhead in the
page header, tables whose header row repeats on each page, "Strona X z Y" in the footer;
co-edited rich text (headings, lists, bold, italics, links that open)."""
from __future__ import annotations

from io import BytesIO

from docx import Document as Docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.table import _Cell
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from server.reports.document import Document, Facts, Items, Paragraph, Rich, Run, Table

ALIGN = {"L": WD_ALIGN_PARAGRAPH.LEFT, "C": WD_ALIGN_PARAGRAPH.CENTER, "R": WD_ALIGN_PARAGRAPH.RIGHT}
GREY = RGBColor(110, 110, 110)
WIDTH_MM = 174  # A4 less two margins of 18 mm
LINK = RGBColor(20, 70, 160)
LIST_INDENT = 6  # mm per level of a list


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills when it lays the pages out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    props.append(el)


def _page(doc, letterhead: list[str]) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    style = doc.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10)
    head = section.header.paragraphs[0]
    head.add_run(letterhead[0]).bold = True
    line = section.header.add_paragraph()
    run = line.add_run(" · ".join(letterhead[1:]))
    run.font.size, run.font.color.rgb = Pt(8), GREY
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("Strona ")
    _field(foot, "PAGE")
    foot.add_run(" z ")
    _field(foot, "NUMPAGES")


def _table(doc, block: Table) -> None:
    if not block.rows:
        doc.add_paragraph(block.empty)
        return
    rows = [[c.label for c in block.columns]] + block.rows + ([block.total] if block.total else [])
    t = doc.add_table(rows=0, cols=len(block.columns))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Mm(WIDTH_MM * c.width) for c in block.columns]
    for column, width in zip(t.columns, widths):
        column.width = width  # the grid, read by LibreOffice; each cell's own width, by Word
    for r, values in enumerate(rows):
        row = t.add_row()
        if r == 0:
            _repeat_header(row)
        bold = r == 0 or (block.total is not None and r == len(rows) - 1)
        # Cells straight from the row's XML: python-docx's row.cells lays out the whole grid each time.
        for i, (tc, value) in enumerate(zip(row._tr.tc_lst, values)):
            cell = _Cell(tc, t)
            cell.width = widths[i]
            p = cell.paragraphs[0]
            p.alignment = ALIGN[block.columns[i].align]
            run = p.add_run(value)
            run.bold, run.font.size = bold, Pt(8.5)
    doc.add_paragraph()


def _facts(doc, block: Facts) -> None:
    for label, value in block.items:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(2)
        p.add_run(f"{label}: ").font.color.rgb = GREY
        p.add_run(value).bold = True


def _run(paragraph, run: Run) -> None:
    """One run; a link as a real hyperlink (python-docx has no call for one: its XML)."""
    if not run.href:
        r = paragraph.add_run(run.text)
        r.bold, r.italic = run.bold or None, run.italic or None
        return
    rel = paragraph.part.relate_to(run.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    r = paragraph.add_run(run.text)
    r.bold, r.italic, r.underline, r.font.color.rgb = run.bold or None, run.italic or None, True, LINK
    link.append(r._r)
    paragraph._p.append(link)


def _rich(out, block: Rich, depth: int = 0, marker: str | None = None) -> None:
    if block.level:
        p = out.add_heading(level=min(block.level + 2, 9))
    else:
        p = out.add_paragraph()
        p.paragraph_format.space_after = Pt(4)
    if depth:
        p.paragraph_format.left_indent = Mm(LIST_INDENT * depth)
        if marker is not None:
            p.paragraph_format.first_line_indent = Mm(-LIST_INDENT)
            p.add_run(f"{marker}\t")
            p.paragraph_format.tab_stops.add_tab_stop(Mm(LIST_INDENT * depth))
    for run in block.runs:
        _run(p, run)


def _items(out, block: Items, depth: int = 1) -> None:
    for number, item in enumerate(block.items, block.start):
        marker: str | None = f"{number}." if block.ordered else "•"
        for part in item:
            if isinstance(part, Items):
                _items(out, part, depth + 1)
            else:
                _rich(out, part, depth, marker)
            marker = None  # the item's further paragraphs go under its first, with no marker


def render(doc: Document) -> bytes:
    out = Docx()
    _page(out, doc.letterhead)
    heading = out.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(doc.title)
    run.bold, run.font.size = True, Pt(14)
    if doc.subtitle:
        sub = out.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        sub.add_run(doc.subtitle).font.color.rgb = GREY
    for section in doc.sections:
        out.add_heading(section.title, level=2)
        for block in section.blocks:
            if isinstance(block, Table):
                _table(out, block)
            elif isinstance(block, Facts):
                _facts(out, block)
            elif isinstance(block, Rich):
                _rich(out, block)
            elif isinstance(block, Items):
                _items(out, block)
            else:
                out.add_paragraph(block.text).runs[0].bold = block.bold
    buf = BytesIO()
    out.save(buf)
    return buf.getvalue()
