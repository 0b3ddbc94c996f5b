"""A Document as an A4 PDF (fpdf2, DejaVu Sans shipped in fonts/ for Polish letters): the
Poradnia's letterhead on every page, tables whose header row repeats after a page break,
"Strona X z Y" at the foot; co-edited rich text (headings, lists, bold, italics, links)."""
from __future__ import annotations

from pathlib import Path

import logging

from fpdf import FPDF, FontFace
from fpdf.enums import TableCellFillMode, XPos, YPos

from server.reports.document import Document, Facts, Items, Paragraph, Rich, Table

FONTS = Path(__file__).parent / "fonts"
FONT = "DejaVu"
MARGIN = 18  # mm
GREY = (110, 110, 110)
LINK = (20, 70, 160)
HEADING_SIZE = {1: 13, 2: 11.5, 3: 10.5}
LIST_INDENT = 6  # mm per level of a list
logging.getLogger("fontTools").setLevel(logging.WARNING)  # its subsetter logs every glyph


class Page(FPDF):
    def __init__(self, letterhead: list[str], title: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.letterhead = letterhead
        self.set_title(title)
        self.set_author(letterhead[0])
        self.set_creator("Krąg")
        self.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.add_font(FONT, "I", str(FONTS / "DejaVuSans-Oblique.ttf"))
        self.add_font(FONT, "BI", str(FONTS / "DejaVuSans-BoldOblique.ttf"))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.alias_nb_pages("{nb}")

    def header(self):
        self.set_font(FONT, "B", 10)
        self.cell(0, 5, self.letterhead[0], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 4, " · ".join(self.letterhead[1:]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0)
        self.set_draw_color(150)
        self.line(MARGIN, self.get_y() + 1.5, self.w - MARGIN, self.get_y() + 1.5)
        self.ln(6)

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"Strona {self.page_no()} z {{nb}}", align="C")
        self.set_text_color(0)


def title(pdf: Page, text: str, subtitle: str) -> None:
    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(0, 7, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if subtitle:
        pdf.set_font(FONT, "", 9)
        pdf.set_text_color(*GREY)
        pdf.cell(0, 6, subtitle, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0)
    pdf.ln(4)


def paragraph(pdf: Page, block: Paragraph) -> None:
    pdf.set_font(FONT, "B" if block.bold else "", 10)
    pdf.multi_cell(0, 5.2, block.text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)


def facts(pdf: Page, block: Facts) -> None:
    """Label and value side by side; a long label wraps inside its own column."""
    pdf.set_font(FONT, "", 10)
    with pdf.table(col_widths=(42, 58), borders_layout="NONE", first_row_as_headings=False, line_height=5.2, text_align="LEFT",
                   padding=(0.6, 1, 0.6, 0)) as t:
        for label, value in block.items:
            row = t.row()
            row.cell(label + ":", style=FontFace(color=GREY))
            row.cell(value, style=FontFace(emphasis="BOLD"))
    pdf.ln(2)


def table(pdf: Page, block: Table) -> None:
    if not block.rows:
        paragraph(pdf, Paragraph(block.empty))
        return
    pdf.set_font(FONT, "", 8.5)
    heading = FontFace(family=FONT, emphasis="BOLD", fill_color=(232, 232, 232))
    with pdf.table(
        col_widths=[c.width for c in block.columns], text_align=[c.align for c in block.columns],
        headings_style=heading, line_height=4.6, padding=1.2, repeat_headings=1,
        cell_fill_color=(248, 248, 248), cell_fill_mode=TableCellFillMode.ROWS, borders_layout="HORIZONTAL_LINES",
    ) as t:
        t.row([c.label for c in block.columns])
        for values in block.rows:
            t.row(values)
        if block.total:
            t.row(block.total, style=FontFace(emphasis="BOLD"))
    pdf.ln(3)


def rich(pdf: Page, block: Rich) -> None:
    """Runs written on from where the cursor is (after a list's marker), wrapping at the margin."""
    size = HEADING_SIZE.get(block.level, 10)
    height = size * 0.52
    if block.level:
        pdf.ln(1.5)
    for run in block.runs:
        style = ("B" if run.bold or block.level else "") + ("I" if run.italic else "") + ("U" if run.href else "")
        pdf.set_font(FONT, style, size)
        pdf.set_text_color(*(LINK if run.href else (0, 0, 0)))
        pdf.write(height, run.text, link=run.href or "")
    pdf.set_text_color(0)
    pdf.ln(height)
    pdf.ln(1.5)


def items(pdf: Page, block: Items) -> None:
    """Each item behind its marker ("•", "1."), its lines indented past it, nested lists deeper."""
    left = pdf.l_margin
    for number, item in enumerate(block.items, block.start):
        pdf.set_font(FONT, "", 10)
        pdf.set_x(left)
        pdf.cell(LIST_INDENT, 5.2, f"{number}." if block.ordered else "•")
        pdf.set_left_margin(left + LIST_INDENT)
        for i, part in enumerate(item):
            if i and isinstance(part, Rich):
                pdf.set_x(pdf.l_margin)
            RENDER[type(part)](pdf, part)
        pdf.set_left_margin(left)
        pdf.set_x(left)


RENDER = {Paragraph: paragraph, Facts: facts, Table: table, Rich: rich, Items: items}


def render(doc: Document) -> bytes:
    pdf = Page(doc.letterhead, doc.title)
    pdf.add_page()
    title(pdf, doc.title, doc.subtitle)
    for section in doc.sections:
        if pdf.will_page_break(20):
            pdf.add_page()
        pdf.set_font(FONT, "B", 11.5)
        pdf.cell(0, 8, section.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for block in section.blocks:
            RENDER[type(block)](pdf, block)
        pdf.ln(2)
    return bytes(pdf.output())
