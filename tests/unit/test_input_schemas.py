"""Every schema that reads input derives from server.fields.Input, every text field is a Text,
and none answers in marshmallow's English: one rule for text and words, held for every domain."""
from __future__ import annotations

import re

import pytest
from marshmallow import Schema, ValidationError, fields

import server.app  # noqa: F401  (imports every domain, so every schema is defined)
from server.fields import Input, Text
from server.polish import PolishSchema

BASES = {PolishSchema, Input}
ENGLISH = re.compile(r"Missing data|Not a valid|Length must|Longer than|Shorter than|Must be|Field may not|"
                     r"Unknown field|Invalid (value|type)|String does not|Number too large|cannot be formatted")


def _all(cls) -> set[type]:
    return {cls} | {s for sub in cls.__subclasses__() for s in _all(sub)}


SCHEMAS = sorted((c for c in _all(Schema) if c.__module__.startswith("server.") and c not in BASES
                  and not c.__name__.endswith("Out")), key=lambda c: f"{c.__module__}.{c.__name__}")


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_reads_input_through_the_one_base(schema):
    assert issubclass(schema, Input), f"{schema.__name__} derives from server.fields.Input"
    for name, field in schema().fields.items():
        for one in (field, getattr(field, "inner", None)):
            if isinstance(one, fields.String):
                assert isinstance(one, Text), f"{schema.__name__}.{name} is a server.fields.Text"


def _messages(errors) -> list[str]:
    if isinstance(errors, dict):
        return [m for v in errors.values() for m in _messages(v)]
    return [m for v in errors for m in _messages(v)] if isinstance(errors, list) else [errors]


# Values of every wrong kind, and sizes past any limit: each field meets all of them.
WRONG = [None, 12345, "x", "", "x" * 30_000, [1], ["x" * 300] * 600, {"a": 1}, True, -1, 10**20, "2026-13-45"]


@pytest.mark.parametrize("schema", [s for s in SCHEMAS if issubclass(s, Input)], ids=lambda c: c.__name__)
def test_no_english_reaches_her(schema):
    said: list[str] = []
    for bad in WRONG:
        for name in schema().fields:
            try:
                schema().load({name: bad, "unknown_key": 1})
            except ValidationError as exc:
                said += _messages(exc.messages)
    try:
        schema().load([])
    except ValidationError as exc:
        said += _messages(exc.messages)
    english = sorted({m for m in said if ENGLISH.search(str(m))})
    assert not english, f"{schema.__name__} says {english}"
