"""A certificate (zaświadczenie) on one A4 page: what was kept when it was issued, the Poradnia's
letterhead, a QR code of its verification address and that address written out."""
from __future__ import annotations

import io
from datetime import date

import segno
from fpdf.enums import XPos, YPos

from server.reports.document import Column, Table
from server.reports.models import Certificate
from server.reports.pdf import FONT, GREY, MARGIN, Page, table
from server.reports.period import day, hours

QR_MM = 32
WITH = {"pani": "Spotkania sieci z jej udziałem:", "pan": "Spotkania sieci z jego udziałem:",
        "": "Spotkania sieci z udziałem tej osoby:"}


def verify_url(base_url: str, c: Certificate) -> str:
    return f"{base_url.rstrip('/')}/v/{c.code}"


def _attended(form: str | None) -> str:
    return {"pani": "uczestniczyła", "pan": "uczestniczył"}.get(form or "", "uczestniczył(a)")


def render(c: Certificate, letterhead: list[str], base_url: str, form_of_address: str | None = None) -> bytes:
    url = verify_url(base_url, c)
    pdf = Page(letterhead, f"Zaświadczenie nr {c.number}")
    pdf.set_auto_page_break(True, margin=MARGIN + QR_MM + 6)  # the QR code's corner stays free
    pdf.add_page()
    pdf.set_font(FONT, "", 10)
    pdf.cell(0, 5, f"{day(c.issued_at)}", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(10)
    pdf.set_font(FONT, "B", 18)
    pdf.cell(0, 10, "ZAŚWIADCZENIE", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 11)
    pdf.cell(0, 6, f"nr {c.number}", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.cell(0, 6, "o udziale w sieci współpracy i samokształcenia", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(8)
    pdf.set_font(FONT, "", 11)
    pdf.multi_cell(0, 6.5, f"Zaświadcza się, że **{c.name}**" + (f", {c.school}," if c.school else "")
                   + f" {_attended(form_of_address)} w pracach sieci **„{c.network_name}”**, prowadzonej przez "
                   f"{letterhead[0]}, w roku szkolnym {c.school_year}, w łącznym wymiarze **{hours(c.hours)} godz.**",
                   markdown=True, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_font(FONT, "B", 10.5)
    pdf.cell(0, 7, WITH.get(form_of_address or "", WITH[""]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    rows = [[str(i), date.fromisoformat(m["date"]).strftime("%d.%m.%Y"), m["title"], hours(m["hours"])]
            for i, m in enumerate(c.meetings, 1)]
    table(pdf, Table([Column("Lp.", .07, "C"), Column("Data", .16), Column("Temat spotkania", .62),
                      Column("Godziny", .15, "R")], rows, total=["", "", "Razem", hours(c.hours)]))
    pdf.ln(12)
    if pdf.will_page_break(24):
        pdf.add_page()
    left = pdf.w / 2 + 10
    pdf.set_x(left)
    pdf.set_draw_color(120)
    pdf.line(left, pdf.get_y() + 8, pdf.w - MARGIN, pdf.get_y() + 8)
    pdf.set_y(pdf.get_y() + 9)
    pdf.set_x(left)
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(pdf.w - MARGIN - left, 4.5, f"{c.coordinator or '—'}\nkoordynator sieci", align="C",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _qr(pdf, url)
    return bytes(pdf.output())


def _qr(pdf: Page, url: str) -> None:
    """The QR code at the foot of the last page, its address beside it in words."""
    png = io.BytesIO()
    segno.make(url, error="m").save(png, kind="png", scale=8, border=2)
    png.seek(0)
    pdf.set_auto_page_break(False)
    top = pdf.h - MARGIN - QR_MM - 2
    pdf.image(png, x=MARGIN, y=top, w=QR_MM, h=QR_MM)
    pdf.set_xy(MARGIN + QR_MM + 4, top + 6)
    pdf.set_font(FONT, "", 8.5)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(pdf.w - 2 * MARGIN - QR_MM - 4, 4.4,
                   "Autentyczność zaświadczenia można sprawdzić, skanując kod QR albo otwierając adres:", align="L",
                   new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    pdf.set_font(FONT, "B", 9)
    pdf.multi_cell(pdf.w - 2 * MARGIN - QR_MM - 4, 5, url, align="L", link=url, new_x=XPos.LEFT, new_y=YPos.NEXT)
