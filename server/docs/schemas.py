"""The HTTP fallback's body: a state vector and updates, each as base64 (RFC 4648, standard alphabet);
the arguments of `doc_version.create`."""
from __future__ import annotations

import base64
import binascii

from marshmallow import fields, validate
from sync.docs.kinds import MAX_ID

from server.fields import Input, Text, Trimmed, UUIDString

MAX_UPDATES = 1000  # one call; a device with more sends them in several


class Base64(Text):
    """Bytes sent as base64 text: loaded to ``bytes``."""

    default_error_messages = {"base64": "To nie są poprawne dane base64."}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise self.make_error("base64") from None


class SyncIn(Input):
    state_vector = Base64(load_default=None, allow_none=True)  # what she has; none: send everything
    updates = fields.List(Base64(), load_default=list, validate=validate.Length(max=MAX_UPDATES))


sync_in = SyncIn()

VERSION_NAME_MAX = 80
VERSION_NAME = validate.Length(min=1, max=VERSION_NAME_MAX,
                               error=f"Nazwa wersji musi mieć od 1 do {VERSION_NAME_MAX} znaków.")
DOC_ID = validate.Length(min=1, max=MAX_ID, error="Niepoprawny identyfikator dokumentu.")


class VersionCreate(Trimmed):
    id = UUIDString(required=True)
    doc = Text(required=True, validate=DOC_ID)
    name = Text(required=True, validate=VERSION_NAME)


def encoded(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
