"""The arguments of the certificates' mutations and of the reports' query strings."""
from __future__ import annotations

from marshmallow import EXCLUDE, fields, validate

from server.fields import Input, Text, UUIDString
from server.reports.period import FIRST, LAST

YEAR = validate.Range(min=FIRST, max=LAST, error=f"Podaj rok rozpoczęcia roku szkolnego, od {FIRST} do {LAST}.")
YEAR_MESSAGES = {"required": "Podaj rok szkolny (rok, w którym się zaczyna, np. 2026).",
                 "invalid": "Rok szkolny to liczba, np. 2026 dla roku 2026/2027."}
REASON_MAX = 500


class CertificateIssue(Input):
    network_id = UUIDString(required=True)
    year = fields.Integer(required=True, strict=False, validate=YEAR, error_messages=YEAR_MESSAGES)
    user_id = UUIDString(load_default=None)  # staff issue for a member; she omits it


class CertificateRevoke(Input):
    id = UUIDString(required=True)
    reason = Text(load_default=None, validate=validate.Length(max=REASON_MAX, error="Najwyżej {max} znaków."))


class Query(Input):
    """A GET's query string: other arguments (a cache-buster) are ignored."""

    class Meta:
        unknown = EXCLUDE

    year = fields.Integer(required=True, validate=YEAR, error_messages=YEAR_MESSAGES)


def formats(*allowed: str):
    return Text(load_default=allowed[0], validate=validate.OneOf(allowed, error="Wybierz format: " + ", ".join(allowed) + "."))


class ReportQuery(Query):
    format = formats("pdf", "docx")


class SummaryQuery(Query):
    format = formats("pdf", "docx", "csv")


class CertificateQuery(Query):
    user_id = UUIDString(load_default=None)


class MinutesQuery(Input):
    class Meta:
        unknown = EXCLUDE

    format = formats("pdf", "docx")
