"""Marshmallow's own messages ("Missing data for required field.") in Polish.

A schema that derives from :class:`PolishSchema` answers in Polish wherever its
fields do not carry a message of their own.
"""
from __future__ import annotations

from marshmallow import Schema, fields

MESSAGES = {
    "required": "To pole jest wymagane.",
    "null": "To pole nie może być puste.",
    "validator_failed": "Niepoprawna wartość.",
    "invalid": "Niepoprawna wartość.",
    "invalid_utf8": "Niepoprawny tekst (oczekiwano UTF-8).",
    "invalid_uuid": "To nie jest poprawny identyfikator (UUID).",
}


def _translate(field: fields.Field) -> None:
    defaults: dict = {}
    for cls in reversed(type(field).__mro__):
        defaults.update(getattr(cls, "default_error_messages", {}))
    for key, message in MESSAGES.items():
        if key in field.error_messages and field.error_messages[key] == defaults.get(key):
            field.error_messages[key] = message
    if isinstance(field, fields.List):
        _translate(field.inner)


class PolishSchema(Schema):
    error_messages = {"unknown": "Nieznane pole.", "type": "Niepoprawny typ danych."}

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        _translate(field_obj)
