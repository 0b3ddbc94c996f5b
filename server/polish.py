"""Marshmallow's own messages ("Missing data for required field.") in Polish.

A schema that derives from :class:`PolishSchema` answers in Polish wherever its
fields and validators do not carry a message of their own.
"""
from __future__ import annotations

import copy

from marshmallow import Schema, fields, validate

MESSAGES = {
    "required": "To pole jest wymagane.",
    "null": "To pole nie może być puste.",
    "validator_failed": "Niepoprawna wartość.",
    "invalid": "Niepoprawna wartość.",
    "invalid_utf8": "Niepoprawny tekst (oczekiwano UTF-8).",
    "invalid_uuid": "To nie jest poprawny identyfikator (UUID).",
    "too_large": "Ta liczba jest za duża.",
    "invalid_awareness": "Podaj datę i godzinę ze strefą czasową.",
    "type": "Niepoprawny typ danych.",
}
# "invalid" said for what each kind of field expects; the nearest class in the MRO wins.
INVALID = {
    fields.String: "Oczekiwano tekstu.",
    fields.Number: "Podaj liczbę.",
    fields.Integer: "Podaj liczbę całkowitą.",
    fields.Boolean: "Oczekiwano wartości tak albo nie.",
    fields.DateTime: "Niepoprawna data i godzina.",
    fields.Date: "Niepoprawna data.",
    fields.List: "Oczekiwano listy.",
    fields.Dict: "Oczekiwano obiektu.",
    fields.Email: "Podaj poprawny adres e-mail.",
    fields.Url: "Podaj poprawny adres strony.",
}
# "od 3 do 200 znaków" and "do 200 znaków" take the genitive for any number; "minimum: 3"
# needs no noun, so no numeral's grammar is ever wrong.
TEXT_LENGTH = {"message_all": "Wpisz od {min} do {max} znaków.", "message_max": "Wpisz do {max} znaków.",
               "message_min": "Tekst jest za krótki (minimum: {min}).", "message_equal": "Wymagana długość: {equal}."}
LIST_LENGTH = {"message_all": "Lista może mieć od {min} do {max} pozycji.", "message_max": "Lista może mieć do {max} pozycji.",
               "message_min": "Lista jest za krótka (minimum: {min}).", "message_equal": "Wymagana liczba pozycji: {equal}."}
RANGE = {"message_all": "Podaj liczbę od {min} do {max}.", "message_min": "Podaj liczbę nie mniejszą niż {min}.",
         "message_max": "Podaj liczbę nie większą niż {max}."}
CHOICE = "Wybierz jedną z dostępnych możliwości."
PATTERN = "Niepoprawny format."


def _defaults(field: fields.Field) -> dict:
    defaults: dict = {}
    for cls in reversed(type(field).__mro__):
        defaults.update(getattr(cls, "default_error_messages", {}))
    return defaults


def _invalid(field: fields.Field) -> str:
    return next((INVALID[cls] for cls in type(field).__mro__ if cls in INVALID), MESSAGES["invalid"])


def _polish_validator(validator, field: fields.Field, english_invalid: str | None):
    """A copy of ``validator`` speaking Polish, or the validator itself when it has its own words."""
    if getattr(validator, "error", None) not in (None, english_invalid, getattr(validator, "default_message", None)):
        return validator
    if isinstance(validator, (validate.Email, validate.URL)):
        messages = {"error": field.error_messages["invalid"]}
    elif isinstance(validator, validate.Length):
        messages = LIST_LENGTH if isinstance(field, fields.List) else TEXT_LENGTH
    elif isinstance(validator, validate.Range) and validator.min_inclusive and validator.max_inclusive:
        messages = RANGE
    elif isinstance(validator, validate.OneOf):
        messages = {"error": CHOICE}
    elif isinstance(validator, validate.Regexp):
        messages = {"error": PATTERN}
    else:
        return validator
    polish = copy.copy(validator)
    for attribute, message in messages.items():
        setattr(polish, attribute, message)
    return polish


def _translate(field: fields.Field) -> None:
    defaults = _defaults(field)
    for key, message in MESSAGES.items():
        if key in field.error_messages and field.error_messages[key] == defaults.get(key):
            field.error_messages[key] = _invalid(field) if key == "invalid" else message
    # Email and Url built their validator with the English "invalid" before this ran.
    field.validators = [_polish_validator(v, field, defaults.get("invalid")) for v in field.validators]
    if isinstance(field, fields.List):
        _translate(field.inner)


class PolishSchema(Schema):
    error_messages = {"unknown": "Nieznane pole.", "type": "Niepoprawny typ danych."}

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        _translate(field_obj)
