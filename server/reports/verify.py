"""The public page a certificate's QR code opens, /v/<code>: no sign-in, in Polish, saying only
whether it is genuine and, if so, the name, the network, the school year and the hours."""
from __future__ import annotations

from flask import Blueprint, Response
from markupsafe import escape
from sqlalchemy import select

from server.extensions import db
from server.reports.gather import poradnia
from server.reports.models import Certificate
from server.reports.period import day, hours

bp = Blueprint("reports_verify", __name__)
CSS = """body{font:16px/1.5 system-ui,sans-serif;color:#222;margin:0;background:#f5f5f2}
main{max-width:34rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002}
h1{font-size:1.3rem;margin:.2rem 0 1rem}.ok{color:#17663a}.bad{color:#a1261b}
dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem;margin:0}dt{color:#666}dd{margin:0;font-weight:600}
.who{color:#666;font-size:.9rem;margin:0}footer{color:#666;font-size:.85rem;margin-top:1.2rem}"""


def _page(title: str, body: str, status: int) -> Response:
    org = poradnia(db.session)
    who = f'<p class="who">{escape(org.name)}</p>' if org else ""
    html = (f'<!doctype html><html lang="pl"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">'
            f'<title>{escape(title)} — Krąg</title><link rel="stylesheet" href="/v/_/style.css"></head>'
            f'<body><main>{who}{body}</main></body></html>')
    response = Response(html, status=status, content_type="text/html; charset=utf-8")
    response.headers["Cache-Control"] = "no-store"  # a revocation shows at once
    return response


@bp.get("/v/_/style.css")
def style():
    response = Response(CSS, content_type="text/css; charset=utf-8")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@bp.get("/v/<code>")
def verify(code: str):
    db.read_only()
    c = db.session.scalars(select(Certificate).where(Certificate.code == code)).first() if len(code) <= 16 else None
    if c is None:
        page = _page("Nie znaleziono zaświadczenia",
                     '<h1 class="bad">Nie znaleziono zaświadczenia</h1><p>Pod tym adresem nie ma zaświadczenia '
                     'wystawionego w Kręgu. Sprawdź, czy adres został przepisany dokładnie (wielkość liter ma '
                     'znaczenie), albo skontaktuj się z poradnią.</p>', 404)
        db.session.rollback()
        return page
    facts = (f"<dl><dt>Numer</dt><dd>{escape(c.number)}</dd><dt>Imię i nazwisko</dt><dd>{escape(c.name)}</dd>"
             f"<dt>Sieć</dt><dd>{escape(c.network_name)}</dd><dt>Rok szkolny</dt><dd>{escape(c.school_year)}</dd>"
             f"<dt>Godziny</dt><dd>{escape(hours(c.hours))}</dd></dl>")
    if c.revoked_at is not None:
        said = (c.revoked_reason or "").strip()
        reason = f" Powód: {escape(said)}{'' if said[-1:] in '.!?' else '.'}" if said else ""
        body = (f'<h1 class="bad">Zaświadczenie unieważnione</h1><p>To zaświadczenie zostało unieważnione przez '
                f'poradnię {escape(day(c.revoked_at))}.{reason} Nie potwierdza ono udziału w sieci.</p>{facts}')
        title = "Zaświadczenie unieważnione"
    else:
        body = (f'<h1 class="ok">Zaświadczenie jest ważne</h1><p>Poradnia potwierdza, że wystawiła to '
                f'zaświadczenie {escape(day(c.issued_at))}:</p>{facts}')
        title = "Zaświadczenie jest ważne"
    page = _page(title, body + "<footer>Strona weryfikacji zaświadczeń Kręgu.</footer>", 200)
    db.session.rollback()
    return page
