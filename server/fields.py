"""Marshmallow fields shared by every domain's schemas.

Every input schema derives from :class:`Input` and every text field is a :class:`Text`
(tests/unit/test_input_schemas.py holds them to it): the rule for text a database cannot
store is written once, here, and reaches every mutation and form.
"""
from __future__ import annotations

import re

from marshmallow import ValidationError, fields, pre_load, validate

from server.polish import PolishSchema

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# A stored file's name (and address): its SHA-256 in lower-case hex. fullmatch only.
SHA256 = re.compile(r"[0-9a-f]{64}")
BROKEN_TEXT = "Tekst zawiera uszkodzony znak (np. połówkę emoji). Usuń go albo wpisz ten fragment jeszcze raz."


class Text(fields.String):
    """Text a database can store. A NUL (pasted from a PDF) is dropped: it carries nothing
    and PostgreSQL refuses it. A lone surrogate (half an emoji) is refused: it is not text
    in any encoding, and dropping it would change her words behind her back."""

    default_error_messages = {"broken": BROKEN_TEXT}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not text.isascii():  # ASCII holds no surrogates: the common case costs one scan
            try:
                text.encode()
            except UnicodeEncodeError:
                raise self.make_error("broken") from None
        return text.replace("\x00", "")


class Email(Text, fields.Email):
    """An address as long as mail allows (RFC 5321): the most any table keeps of one."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(validate.Length(max=254, error="Adres e-mail może mieć najwyżej 254 znaki."))


class Url(Text, fields.Url):
    pass


class UUIDString(Text):
    """A UUID kept as its lower-case text: what the tables store, and a regex is far cheaper
    than building uuid.UUID objects for every id of a thousand-mutation push. The whole
    string must match: "<uuid>\\n" is another key, a shadow row no link can open."""

    default_error_messages = {"invalid_uuid": "Not a valid UUID."}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not _UUID.fullmatch(text):
            raise self.make_error("invalid_uuid")
        return text.lower()


class TrimmedString(Text):
    """Text whose surrounding white space is not part of what a user meant to write.
    A field, not a pre_load hook: cheaper per load in a thousand-mutation push."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).strip()


def sha256_hex(**kwargs) -> Text:
    return Text(validate=validate.Regexp(rf"{SHA256.pattern}\Z", error="Skrót SHA-256 to 64 znaki 0–9 i a–f."),
                **kwargs)


class Input(PolishSchema):
    """The base of every schema that reads what a device or a form sent (a test holds every
    input schema to it, and every text field to :class:`Text`)."""

    def handle_error(self, error: ValidationError, data, *, many: bool, **kwargs):
        # Unknown keys are echoed in the answer: one holding half an emoji could not be encoded.
        printable = _printable(error.messages)
        if printable != error.messages:
            raise ValidationError(printable) from None


def _printable(messages):
    if isinstance(messages, dict):
        return {_escaped(k): _printable(v) for k, v in messages.items()}
    return messages


def _escaped(key):
    return key.encode("utf-8", "backslashreplace").decode() if isinstance(key, str) and not key.isascii() else key


class Trimmed(Input):
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


def link_token() -> Text:
    return Text(required=True, validate=validate.Regexp(
        rf"^{LINK_TOKEN_RE}\Z", error="To nie jest poprawny link. Skopiuj cały adres z wiadomości."))
