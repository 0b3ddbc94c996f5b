"""Marshmallow fields shared by every domain's schemas."""
from __future__ import annotations

import re

from marshmallow import fields

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
