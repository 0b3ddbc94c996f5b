"""`krag rules`: the limits of every mutation's arguments, read from the marshmallow
schemas the engine loads them with, written as JSON for the PWA (pwa/src/sync/rules.json,
which pwa/build.mjs makes before bundling). Each rule is written once, on the server;
the PWA's local mutators check the same limits offline (pwa/src/sync/rules.js).

What a schema-level validator says (a link needs its address, one parent per file) is
code, not data: the PWA writes those few by hand, and tests/unit/test_rules_agree.py
holds both sides to the same answers.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import click
from marshmallow import Schema, fields, validate

from server.fields import Trimmed, TrimmedString, UUIDString

# Forms that are not mutations but whose checks the PWA shows (signed out, no outbox).
FORMS = {"public_request": ("server.networks.schemas", "PublicRequestIn")}


def _type(field: fields.Field) -> str:
    # Most specific first: Email and Url are text too, a UUIDString is text underneath.
    for kind, name in ((fields.Email, "email"), (fields.Url, "url"), ((UUIDString, fields.UUID), "uuid"),
                       (fields.String, "text"), (fields.Integer, "integer"), (fields.Number, "number"),
                       (fields.Boolean, "boolean"),
                       (fields.AwareDateTime, "datetime"), (fields.DateTime, "datetime"), (fields.Date, "date"),
                       (fields.List, "list"), (fields.Nested, "object"), (fields.Dict, "map")):
        if isinstance(field, kind):
            return name
    raise ValueError(f"no rule for a {type(field).__name__} field")


def _pattern(regex) -> str:
    # Python's end of text \Z is JavaScript's $ (without the m flag); a match starts at the start.
    source = regex.pattern.replace(r"\Z", "$")
    return source if source.startswith("^") else "^" + source


def field_rule(field: fields.Field, trimmed: bool) -> dict:
    """What the PWA checks of one field: its type, presence, limits, choices and form."""
    kind = _type(field)
    rule: dict = {"type": kind}
    if field.required:
        rule["required"] = True
    if field.allow_none:
        rule["nullable"] = True
    if kind in ("text", "email", "url", "uuid") and (trimmed or isinstance(field, TrimmedString)):
        rule["trim"] = True
    if kind == "integer" and field.strict:
        rule["strict"] = True
    for v in field.validators:
        if isinstance(v, validate.Length):
            rule.update({k: n for k, n in (("min", v.min), ("max", v.max)) if n is not None})
        elif isinstance(v, validate.Range):
            rule.update({k: n for k, n in (("min", v.min), ("max", v.max)) if n is not None})
        elif isinstance(v, validate.OneOf):
            rule["choices"] = list(v.choices)
        elif isinstance(v, validate.URL):
            rule["schemes"] = sorted(v.schemes)
        elif isinstance(v, validate.Regexp):
            rule["pattern"] = _pattern(v.regex)
    if isinstance(field, fields.List):
        rule["items"] = field_rule(field.inner, trimmed=False)
    if isinstance(field, fields.Nested):
        rule["fields"] = schema_rules(field.schema)
    return rule


def schema_rules(schema: Schema) -> dict:
    trimmed = isinstance(schema, Trimmed)  # its pre_load trims every top-level string
    return {field.data_key or name: field_rule(field, trimmed) for name, field in schema.load_fields.items()}


def rules() -> dict:
    """Every registered mutation's argument rules, the forms', and the files the server takes."""
    from importlib import import_module

    from server.files.sniff import KINDS
    from server.meetings.schemas import LIMITS as MEETINGS
    from server.plans.schemas import LIMITS as PLANS
    from server.surveys.schemas import LIMITS as SURVEYS
    from server.syncing.engine import registry

    kinds = list(KINDS.values())
    return {
        "mutations": {name: schema_rules(m.schema) for name, m in sorted(registry.mutators.items())},
        "forms": {name: schema_rules(getattr(import_module(module), attr)())
                  for name, (module, attr) in FORMS.items()},
        # Limits a schema says in code, not in a field's validators (a meeting's length, check-in's window).
        "limits": {"meetings": MEETINGS, "surveys": SURVEYS, "plans": PLANS},
        "files": {
            # What a file picker offers: every type by its MIME type and by its extensions.
            "accept": [k.mime for k in kinds] + [f".{e}" for k in kinds for e in k.extensions],
            "images": [k.mime for k in kinds if k.image],
        },
    }


def write(path: Path) -> None:
    text = json.dumps(rules(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return  # unchanged: a watcher sees nothing new
    tmp = path.with_name(f".{path.name}.{os.getpid()}")  # two builds at once never leave half a file
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


@click.command("rules")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (default: print).")
def rules_command(out: Path | None) -> None:
    """Write the mutations' argument rules as JSON for the PWA (pwa/src/sync/rules.json)."""
    if out is None:
        click.echo(json.dumps(rules(), ensure_ascii=False, indent=1, sort_keys=True))
    else:
        write(out)
