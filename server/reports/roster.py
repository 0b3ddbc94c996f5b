"""Every participant of a network's school year with her certificate's state, for the screen
"Zaświadczenia" of its coordinator and the Poradnia's staff, and every certificate issued there
in one ZIP. Plain reads: a certificate is issued and revoked by mutations only."""
from __future__ import annotations

import io
import unicodedata
import zipfile
from decimal import Decimal

from sqlalchemy import select

from server.networks.models import Membership, Network
from server.reports import certificate_pdf
from server.reports.certificates import held_hours
from server.reports.gather import people
from server.reports.models import Certificate
from server.reports.period import SchoolYear
from server.reports.register import serialize_certificate

PARTICIPANTS = ("active", "left", "removed")  # as certificate.issue takes them: one who left keeps hers


def _certificates(session, network_id: str, year: SchoolYear) -> list[Certificate]:
    return list(session.scalars(select(Certificate).where(
        Certificate.network_id == network_id, Certificate.school_year == year.label).order_by(Certificate.seq)))


def roster(session, network_id: str, year: SchoolYear, now) -> list[dict]:
    """Each member of the network (now or earlier), by name: her school, the meetings held she
    attended and their hours, and her certificate — the one that holds, else the last revoked."""
    members = {m.user_id: m.status for m in session.scalars(select(Membership).where(
        Membership.network_id == network_id, Membership.role == "member", Membership.status.in_(PARTICIPANTS)))}
    hours = held_hours(session, network_id, year, now)
    shown: dict[str, Certificate] = {}
    for c in _certificates(session, network_id, year):  # by number: a later one covers an earlier
        if c.user_id in members and (c.revoked_at is None or shown.get(c.user_id) is None
                                     or shown[c.user_id].revoked_at is not None):
            shown[c.user_id] = c
    known = people(session, members)
    rows = []
    for user_id in sorted(known, key=lambda i: (known[i].name.lower(), i)):
        theirs = hours.get(user_id, {})
        c = shown.get(user_id)
        rows.append({"user_id": user_id, "name": known[user_id].name, "school": known[user_id].school,
                     "status": members[user_id], "meetings": len(theirs),
                     "hours": float(sum(theirs.values(), Decimal(0))),
                     "certificate": serialize_certificate(c) if c else None})
    return rows


def _ascii(text: str) -> str:
    """"Żaneta Łęcka" → "Zaneta-Lecka": a file name every unzip program takes."""
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    kept = "".join(ch if ch.isalnum() else "-" for ch in folded if not unicodedata.combining(ch) and ch.isascii())
    return "-".join(part for part in kept.split("-") if part)[:60] or "uczestnik"


def as_zip(session, net: Network, year: SchoolYear, letterhead: list[str], base_url: str,
           forms: dict[str, str | None]) -> tuple[bytes, int]:
    """The PDF of every certificate that holds (none revoked) for the network's year; and how many."""
    held = [c for c in _certificates(session, net.id, year) if c.revoked_at is None]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for c in held:
            name = f"zaswiadczenie-{c.seq}-{c.school_year.replace('/', '-')}-{_ascii(c.name)}.pdf"
            zf.writestr(name, certificate_pdf.render(c, letterhead, base_url, forms.get(c.user_id)))
    return out.getvalue(), len(held)
