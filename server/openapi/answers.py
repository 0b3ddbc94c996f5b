"""What the HTTP API answers, as marshmallow schemas: only the OpenAPI description reads them
(server/openapi/spec.py). Each says the keys a client relies on; rows' own data stay objects,
their shape is each row type's (docs/sync-protocol.md, "Types")."""
from __future__ import annotations

from marshmallow import INCLUDE, Schema, fields, validate

from server.accounts.schemas import UserOut
from server.syncing.schemas import MAX_ID


class Out(Schema):
    """An answer may carry more than its description names: a client reads the keys it knows."""

    class Meta:
        unknown = INCLUDE


class ErrorOut(Out):
    code = fields.String(required=True, metadata={"description": "a stable code, e.g. invalid_request"})
    message = fields.String(required=True, metadata={"description": "what went wrong, in Polish"})
    fields = fields.Dict(metadata={"description": "by field: what is wrong with each (validation errors)"})


class ErrorBodyOut(Out):
    """The one error shape of every refusal."""

    error = fields.Nested(ErrorOut, required=True)


class StatusOut(Out):
    status = fields.String(required=True)


class LimitsOut(Out):
    file_max_bytes = fields.Integer(required=True)


class MeOut(Out):
    """Who is signed in on this device, the token her writes carry, the server's limits."""

    user = fields.Nested(UserOut, required=True)
    csrf_token = fields.String(required=True, metadata={"description": "send as X-CSRF-Token with every write"})
    limits = fields.Nested(LimitsOut, required=True)
    calendar_url = fields.String(required=True, allow_none=True)
    session_id = fields.String(required=True)


class ResultOut(Out):
    id = fields.Integer(required=True, validate=validate.Range(min=1, max=MAX_ID))
    status = fields.String(required=True, validate=validate.OneOf(("applied", "rejected", "duplicate")))
    error = fields.Nested(ErrorOut)


class PushOut(Out):
    results = fields.List(fields.Nested(ResultOut), required=True)
    last_mutation_id = fields.Integer(required=True)


class PushGapOut(PushOut):
    """409: a mutation's id skipped one; what came before it was done."""

    error = fields.Nested(ErrorOut, required=True)


class ChangeOut(Out):
    op = fields.String(required=True, validate=validate.OneOf(("put", "delete", "purge")))
    scope = fields.String(required=True)
    type = fields.String()
    id = fields.String()
    data = fields.Dict(metadata={"description": "the row, as its type's serializer makes it (op put)"})


class PullOut(Out):
    cursor = fields.String(required=True)
    more = fields.Boolean(required=True)
    last_mutation_ids = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    changes = fields.List(fields.Nested(ChangeOut), required=True)


class PageOut(Out):
    """Older posts of a thread, as pull's changes."""

    changes = fields.List(fields.Nested(ChangeOut), required=True)
    more = fields.Boolean(required=True)


class SearchHitOut(Out):
    type = fields.String(required=True)
    id = fields.String(required=True)
    network_id = fields.String(required=True, allow_none=True)
    snippet = fields.String(required=True)


class SearchOut(Out):
    results = fields.List(fields.Nested(SearchHitOut), required=True)


class DocSyncOut(Out):
    update = fields.String(required=True, metadata={"description": "base64: the Yjs update she lacks"})
    state_vector = fields.String(required=True, metadata={"description": "base64: the server's state vector"})
    read_only = fields.Boolean(required=True)


class StoredFileOut(Out):
    sha256 = fields.String(required=True)
    mime = fields.String(required=True)
    size = fields.Integer(required=True)
    has_thumbnail = fields.Boolean(required=True)


class OffsetOut(Out):
    """A piece of a resumed upload is in: send the rest from here."""

    offset = fields.Integer(required=True)


class UploadOffsetOut(ErrorBodyOut):
    """409: the server holds a different amount of this upload."""

    offset = fields.Integer(required=True)


class PasskeyOut(Out):
    id = fields.String(required=True)
    name = fields.String(required=True)
    created_at = fields.String(required=True)
    last_used_at = fields.String(required=True, allow_none=True)


class PasskeyAddedOut(Out):
    passkey = fields.Nested(PasskeyOut, required=True)


class CeremonyOut(Out):
    """WebAuthn options as @simplewebauthn/browser takes them (py_webauthn's options_to_json)."""

    challenge = fields.String(required=True)


class NetworkNameOut(Out):
    id = fields.String(required=True)
    name = fields.String(required=True)


class InvitationOut(Out):
    network = fields.Nested(NetworkNameOut, required=True)
    email = fields.String(required=True)
    role = fields.String(required=True)
    has_account = fields.Boolean(required=True)


class JoinedOut(Out):
    network_id = fields.String(required=True)


class RequestNameOut(Out):
    name = fields.String(required=True)


class PendingRequestOut(Out):
    email = fields.String(required=True)
    request = fields.Nested(RequestNameOut, required=True)


class DashboardOut(Out):
    requests = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    networks = fields.List(fields.Dict(), required=True)
    by_kind = fields.Dict(required=True)
    schools = fields.List(fields.Dict(), required=True)


class ExportOut(Out):
    network = fields.Dict(required=True)
    exported_at = fields.String(required=True)
    threads = fields.List(fields.Dict(), required=True)


class SurveyResultsOut(Out):
    survey = fields.Dict(required=True)
    respondents = fields.Integer(required=True)
    withheld = fields.Boolean(required=True)
    questions = fields.List(fields.Dict(), required=True)


class OpenApiOut(Out):
    openapi = fields.String(required=True)
    info = fields.Dict(required=True)
    paths = fields.Dict(required=True)


class AuditPageOut(Out):
    events = fields.List(fields.Dict(), required=True)
    people = fields.Dict(required=True)
    next = fields.Integer(required=True, allow_none=True)
    kinds = fields.List(fields.String(), required=True)


class RosterOut(Out):
    network_id = fields.String(required=True)
    school_year = fields.String(required=True)
    participants = fields.List(fields.Dict(), required=True)
