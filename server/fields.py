"""Marshmallow fields shared by every domain's schemas."""
from __future__ import annotations

import re

from marshmallow import Schema, fields, pre_load, validate

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class UUIDString(fields.String):
    """A UUID kept as its lower-case text: what the tables store, and a regex is far cheaper
    than building uuid.UUID objects for every id of a thousand-mutation push."""

    default_error_messages = {"invalid_uuid": "Not a valid UUID."}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not _UUID.match(text):
            raise self.make_error("invalid_uuid")
        return text.lower()


class TrimmedString(fields.String):
    """Text whose surrounding white space is not part of what a user meant to write.
    A field, not a pre_load hook: cheaper per load in a thousand-mutation push."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).strip()


class Trimmed(Schema):
    """Leading and trailing white space is never what someone meant to type: a base schema
    that trims every top-level string before loading (TrimmedString does it field by field)."""

    @pre_load
    def _trim(self, data, **_kwargs):
        if isinstance(data, dict):
            return {k: v.strip() if isinstance(v, str) else v for k, v in data.items()}
        return data


# A one-time link's token as `secrets.token_urlsafe(32)` makes it (43 characters); a little
# room either way, nothing else. Used where a link's screen posts its token back.
LINK_TOKEN_RE = r"[A-Za-z0-9_-]{20,100}"


def link_token() -> fields.String:
    return fields.String(required=True, validate=validate.Regexp(
        rf"^{LINK_TOKEN_RE}\Z", error="To nie jest poprawny link. Skopiuj cały adres z wiadomości."))
