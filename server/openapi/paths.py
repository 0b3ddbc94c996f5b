"""Every route under /api, by its endpoint: what it takes and each answer it gives.

Bodies and query strings are the schemas the routes load (their rules are written there,
once); answers are server/openapi/answers.py's. spec.py adds what every route of a kind
answers (401 signed out, 403 without the CSRF token, 400/413 for a body, 429 past a rate
limit) and the sync endpoints' bodies, whose mutations come from the engine's registry.
tests/integration/test_openapi.py fails for a route of app.url_map missing here.
"""
from __future__ import annotations

from dataclasses import dataclass

from marshmallow import Schema

from server.accounts.audit_routes import AuditIn
from server.accounts.passkey_schemas import LoginVerifyIn, RegisterVerifyIn
from server.accounts.schemas import EmailLinkIn, LinkIn
from server.docs.schemas import SyncIn
from server.forum.routes import OlderIn
from server.networks.schemas import InvitationAccept, PublicRequestIn, RequestConfirm
from server.openapi import answers as a
from server.reports.schemas import CertificateQuery, MinutesQuery, Query, ReportQuery, SummaryQuery
from server.search.routes import SearchIn
from server.surveys.routes import ResultsQuery
from server.syncing.schemas import PullIn

ERROR = a.ErrorBodyOut  # an answer in the one error shape
BYTES = "bytes"  # a file's bytes of the media type named beside it
PDF = {"application/pdf": BYTES}
DOCX = {"application/vnd.openxmlformats-officedocument.wordprocessingml.document": BYTES}
CSV = {"text/csv": BYTES}
ICS = {"text/calendar": BYTES}
ZIP = {"application/zip": BYTES}
ANY_FILE = {"application/octet-stream": BYTES, "image/*": BYTES, "application/pdf": BYTES}

# An answer: a schema (JSON), {media type: schema or BYTES}, or None (no body).
Answer = type[Schema] | dict | None


@dataclass(frozen=True)
class Route:
    summary: str
    answers: dict[int, Answer]
    signed_in: bool = True
    body: type[Schema] | str | None = None  # a JSON body's schema; "push": the sync push; BYTES: a file's bytes
    query: type[Schema] | None = None
    limited: bool = False  # rate-limited: 429 with Retry-After
    tag: str = "app"
    notes: str = ""


ROUTES: dict[str, Route] = {
    # Signing in and out
    "accounts.email_link": Route(
        "Mail a one-time sign-in link (the same answer whether the address has an account or not)",
        {202: a.StatusOut}, signed_in=False, body=EmailLinkIn, limited=True, tag="sign-in"),
    "accounts.use_link": Route(
        "Sign in with the token of an e-mailed link", {200: a.MeOut, 410: ERROR}, signed_in=False, body=LinkIn,
        limited=True, tag="sign-in"),
    "accounts.logout": Route(
        "Sign out: this session ends on the server", {204: None}, signed_in=False, tag="sign-in",
        notes="Signed out already: 204 all the same."),
    "accounts.me": Route("Who is signed in, her CSRF token and the server's limits", {200: a.MeOut}, tag="sign-in"),
    "passkeys.register_options": Route(
        "Options to add a passkey (WebAuthn)", {200: a.CeremonyOut}, limited=True, tag="sign-in"),
    "passkeys.register_verify": Route(
        "Add a passkey: the browser's answer to the options", {201: a.PasskeyAddedOut, 409: ERROR},
        body=RegisterVerifyIn, limited=True, tag="sign-in"),
    "passkeys.login_options": Route(
        "Options to sign in with a passkey (discoverable credentials)", {200: a.CeremonyOut}, signed_in=False,
        limited=True, tag="sign-in"),
    "passkeys.login_verify": Route(
        "Sign in with a passkey: the browser's answer to the options", {200: a.MeOut, 401: ERROR},
        signed_in=False, body=LoginVerifyIn, limited=True, tag="sign-in"),
    # Links from letters and the public request form
    "networks.invitation_info": Route(
        "What an invitation's link shows before she accepts", {200: a.InvitationOut, 410: ERROR}, signed_in=False,
        limited=True, tag="sign-in"),
    "networks.accept_invitation": Route(
        "Accept an invitation (she is signed in)", {200: a.JoinedOut, 403: ERROR, 409: ERROR, 410: ERROR},
        signed_in=False, body=InvitationAccept, limited=True, tag="sign-in"),
    "networks.public_request": Route(
        "Ask for a network without an account: a letter confirms the address first", {202: a.StatusOut},
        signed_in=False, body=PublicRequestIn, limited=True, tag="sign-in"),
    "networks.confirm_info": Route(
        "What a request's confirmation link shows", {200: a.PendingRequestOut, 410: ERROR}, signed_in=False,
        limited=True, tag="sign-in"),
    "networks.confirm_request": Route(
        "Confirm a request made without an account (she is signed in)",
        {200: a.StatusOut, 403: ERROR, 409: ERROR, 410: ERROR}, signed_in=False, body=RequestConfirm, limited=True,
        tag="sign-in"),
    # Sync
    "sync.push": Route(
        "Push queued mutations: each applied, rejected or a duplicate, in one transaction",
        {200: a.PushOut, 403: ERROR, 409: a.PushGapOut}, body="push", limited=True, tag="sync",
        notes="docs/sync-protocol.md, 'Push'. 403 client_not_yours: the client id is another account's."),
    "sync.pull": Route(
        "What changed for her since the cursor", {200: a.PullOut}, query=PullIn, tag="sync",
        notes="docs/sync-protocol.md, 'Pull'."),
    "docs.sync": Route(
        "Co-edit a document without a live channel: her updates in, what she lacks out",
        {200: a.DocSyncOut, 403: ERROR, 404: ERROR, 503: ERROR}, body=SyncIn, tag="sync"),
    # Reading beside the sync
    "forum.older_posts": Route(
        "Older posts of a thread (a device keeping recent history fetches them on demand)",
        {200: a.PageOut, 404: ERROR}, query=OlderIn, tag="forum"),
    "forum.export_network": Route("A network's forum as one JSON file", {200: a.ExportOut, 404: ERROR}, tag="forum"),
    "search.search": Route("Search what she may see", {200: a.SearchOut}, query=SearchIn, limited=True, tag="search"),
    "surveys.survey_results": Route(
        "A survey's results (its coordinator, staff)", {200: {"application/json": a.SurveyResultsOut, **CSV},
                                                        404: ERROR},
        query=ResultsQuery, tag="surveys"),
    "org.staff_dashboard": Route("The staff's dashboard", {200: a.DashboardOut, 403: ERROR}, tag="staff"),
    "org.logo": Route("The Poradnia's logo (public: the sign-in screen shows it)",
                      {200: {"image/jpeg": BYTES}, 304: None, 404: ERROR}, signed_in=False, tag="staff"),
    "reports.network_report": Route(
        "A network's annual report (its coordinator, staff)", {200: {**PDF, **DOCX}, 403: ERROR, 404: ERROR},
        query=ReportQuery, tag="reports"),
    "reports.poradnia_summary": Route(
        "The Poradnia's summary of every network (staff)", {200: {**PDF, **DOCX, **CSV}, 403: ERROR},
        query=SummaryQuery, tag="reports"),
    "reports.certificate": Route(
        "Her certificate of attendance (staff: anyone's)", {200: PDF, 403: ERROR, 404: ERROR, 409: ERROR},
        query=CertificateQuery, tag="reports"),
    "reports.certificates": Route(
        "Every participant's meetings, hours and certificate in a school year (staff)",
        {200: a.RosterOut, 403: ERROR, 404: ERROR}, query=Query, tag="reports"),
    "reports.certificates_zip": Route(
        "Every certificate of a network's school year that holds, as one ZIP (staff)",
        {200: ZIP, 403: ERROR, 404: ERROR, 409: ERROR}, query=Query, tag="reports"),
    "minutes.download": Route(
        "A meeting's minutes on paper (its network's people, staff)", {200: {**PDF, **DOCX}, 403: ERROR, 404: ERROR},
        query=MinutesQuery, tag="meetings"),
    "docs.version": Route(
        "A named version of a document: the whole of it as one Yjs update",
        {200: {"application/octet-stream": BYTES}, 403: ERROR, 404: ERROR}, tag="sync"),
    "meetings_calendar.one": Route("One meeting for a calendar app", {200: ICS, 404: ERROR}, tag="meetings"),
    # Files
    "files.upload": Route(
        "Send a file's bytes, whole or a piece of a resumed upload (Content-Range), named by their SHA-256",
        {200: a.StoredFileOut, 201: a.StoredFileOut, 202: a.OffsetOut, 409: a.UploadOffsetOut, 415: ERROR},
        body=BYTES,
        limited=True, tag="files"),
    "files.probe": Route(
        "Has she sent these bytes (200), or how much of them (404 with Upload-Offset)", {200: None, 404: None},
        tag="files"),
    "files.download": Route("An attachment's bytes", {200: ANY_FILE, 304: None, 404: ERROR}, tag="files"),
    "files.thumbnail": Route("An attachment's thumbnail", {200: {"image/jpeg": BYTES}, 304: None, 404: ERROR},
                             tag="files"),
    # RODO and the audit log
    "privacy.my_data": Route("All her data, as a zip (JSON and her files)", {200: ZIP, 404: ERROR}, limited=True,
                             tag="privacy"),
    "privacy.someones_data": Route(
        "A person's data, as a zip (a Poradnia administrator, on her request)", {200: ZIP, 403: ERROR, 404: ERROR},
        limited=True, tag="privacy"),
    "audit.audit_log": Route("The audit log of security events (administrators)", {200: a.AuditPageOut, 403: ERROR},
                             query=AuditIn, tag="staff"),
    # This description
    "openapi.description": Route("This description (OpenAPI 3)", {200: a.OpenApiOut}, signed_in=False, tag="app"),
}
