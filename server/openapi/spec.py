"""The OpenAPI 3 description of Krąg's HTTP API, made from the app itself: its routes
(app.url_map, described in paths.py), the schemas they load, and the sync engine's registry
for the mutations a push carries, each with the schema its mutator loads. Nothing here
restates a rule: a field's length or choices are read from the schema that enforces them."""
from __future__ import annotations

import re
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.ext.marshmallow.common import make_schema_key, resolve_schema_cls, resolve_schema_instance
from flask import Flask
from marshmallow import Schema
from werkzeug.routing import Rule, UUIDConverter

from server.docs.schemas import Base64
from server.fields import LINK_TOKEN_RE, UUIDString
from server.openapi import answers
from server.openapi.paths import BYTES, ERROR, ROUTES, Route
from server.syncing.schemas import MAX_BATCH, MAX_ID, PushIn

OPENAPI_VERSION = "3.0.3"
SAFE = {"get", "head"}
REASONS = {
    400: "Not what the route takes (invalid_request, with fields).",
    401: "Not signed in, or her session ended (unauthorized).",
    403: "Not hers to do, or a write without the X-CSRF-Token of her session (csrf_failed).",
    404: "No such thing, or not hers to see (the same answer).",
    409: "In a state that refuses this.",
    410: "The link is used up or has expired (link_invalid).",
    413: "The body is larger than the route takes (too_large).",
    415: "A kind of file Krąg does not keep (unsupported_type).",
    429: "Past a rate limit (rate_limited); Retry-After says when to try again.",
    503: "Not available now.",
}
_ARGUMENT = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


def schema_name(schema) -> str | None:
    """A component's name: its domain and class ("networks.MemberRef"); a schema loaded with
    modifiers (``exclude=…``) is written in place instead."""
    instance = resolve_schema_instance(schema)
    if instance.only or instance.exclude or instance.partial:
        return None
    cls = resolve_schema_cls(schema)
    parts = cls.__module__.split(".")
    domain = parts[1] if len(parts) > 2 and parts[0] == "server" and parts[1] != "openapi" else None
    return f"{domain}.{cls.__name__}" if domain else cls.__name__


def describe(app: Flask) -> dict:
    plugin = MarshmallowPlugin(schema_name_resolver=schema_name)
    spec = APISpec(title="Krąg", version=_version(), openapi_version=OPENAPI_VERSION, plugins=[plugin],
                   info={"description": "The HTTP API of Krąg. Every refusal is one shape: "
                                        '{"error": {"code", "message", "fields"?}}. The live channel '
                                        "(Socket.IO) and the sync protocol: docs/sync-protocol.md."})
    plugin.map_to_openapi_type(UUIDString, "string", "uuid")
    plugin.map_to_openapi_type(Base64, "string", "byte")
    spec.components.security_scheme("session", {"type": "apiKey", "in": "cookie",
                                                "name": app.config["SESSION_COOKIE_NAME"]})
    spec.components.security_scheme("csrf", {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"})
    spec.components.schema("Error", schema=answers.ErrorBodyOut)
    spec.components.schema("sync.PushIn", _push_body(spec, plugin, app.extensions["sync_engine"].registry))
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        route = ROUTES.get(rule.endpoint)
        if rule.rule.startswith("/api/") and route is not None:
            spec.path(path=_ARGUMENT.sub(r"{\1}", rule.rule),
                      operations={method: _operation(rule, route, method) for method in _methods(rule)})
    return _portable(spec.to_dict())


def _version() -> str:
    try:
        return version("krag")
    except PackageNotFoundError:  # pragma: no cover  (run from a tree not installed)
        return "0"


def _methods(rule: Rule) -> list[str]:
    methods = {m.lower() for m in rule.methods or ()} - {"options"}
    return sorted(methods - {"head"}) or ["head"]  # HEAD only where it is the route's own


def _operation(rule: Rule, route: Route, method: str) -> dict:
    responses: dict[int, dict] = {status: _answer(status, answer) for status, answer in route.answers.items()}

    def add(status: int) -> None:
        responses.setdefault(status, _answer(status, ERROR))

    parameters = [_path_parameter(name, converter) for name, converter in rule._converters.items()]
    if parameters:
        add(404)
    if route.query is not None:
        parameters.append({"in": "query", "schema": route.query})
        add(400)
    operation: dict = {"operationId": rule.endpoint, "summary": route.summary, "tags": [route.tag]}
    if route.notes:
        operation["description"] = route.notes
    if route.body == BYTES:
        operation["requestBody"] = {"required": True, "content": {
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}
        parameters.append({"in": "header", "name": "Content-Range", "required": False,
                           "description": "bytes START-END/TOTAL: one piece of a resumed upload",
                           "schema": {"type": "string"}})
        add(400)
        add(413)
    elif route.body is not None:
        schema = {"$ref": "#/components/schemas/sync.PushIn"} if route.body == "push" else route.body
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": schema}}}
        add(400)
        add(413)
    if parameters:
        operation["parameters"] = parameters
    if route.signed_in:
        operation["security"] = [{"session": []}] if method in SAFE else [{"session": [], "csrf": []}]
        add(401)
        if method not in SAFE:
            add(403)
    else:
        operation["security"] = []
    if route.limited:
        add(429)
        responses[429]["headers"] = {"Retry-After": {"schema": {"type": "integer"},
                                                     "description": "seconds until the limit lets her in"}}
    operation["responses"] = {str(status): responses[status] for status in sorted(responses)}
    return operation


def _answer(status: int, answer) -> dict:
    """An answer: the one error shape, none (204, 304, a HEAD's), or a schema for each media type."""
    if answer is ERROR or answer is None:
        described: dict = {"description": REASONS.get(status, "Refused." if answer is ERROR else "No body.")}
    else:
        described = {"description": "OK"}
    if answer is None:
        return described
    media = answer if isinstance(answer, dict) else {"application/json": answer}
    described["content"] = {kind: {"schema": {"type": "string", "format": "binary"} if schema == BYTES else schema}
                            for kind, schema in media.items()}
    return described


def _path_parameter(name: str, converter) -> dict:
    schema = {"type": "string", "format": "uuid"} if isinstance(converter, UUIDConverter) else {"type": "string"}
    if name == "token":  # a one-time link's, as the letters carry it
        schema["pattern"] = rf"^{LINK_TOKEN_RE}$"
    return {"in": "path", "name": name, "required": True, "schema": schema}


def _push_body(spec: APISpec, plugin: MarshmallowPlugin, registry) -> dict:
    """PushIn as its schema says, its mutations each one of the registered mutators' (by name)."""
    body = plugin.converter.schema2jsonschema(PushIn())
    variants, mapping = [], {}
    for name in sorted(registry.mutators):
        ref = "#/components/schemas/" + _mutation(spec, plugin, name, registry.mutators[name].schema)
        variants.append({"$ref": ref})
        mapping[name] = ref
    body["properties"]["mutations"] = {
        "type": "array", "maxItems": MAX_BATCH,
        "items": {"oneOf": variants, "discriminator": {"propertyName": "name", "mapping": mapping}}}
    return body


def _mutation(spec: APISpec, plugin: MarshmallowPlugin, name: str, schema: Schema) -> str:
    """The component of one mutation, ``{"id", "name": <its name>, "args": <its schema>}``."""
    key, args_name = make_schema_key(schema), schema_name(schema)
    if args_name is None:
        args: dict = plugin.converter.schema2jsonschema(schema)
    else:
        if key not in plugin.converter.refs:
            spec.components.schema(args_name, schema=schema)
        args = {"$ref": "#/components/schemas/" + plugin.converter.refs[key]}
    component = f"mutation.{name}"
    spec.components.schema(component, {
        "type": "object", "additionalProperties": False, "required": ["id", "name", "args"],
        "properties": {"id": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                       "name": {"type": "string", "enum": [name]}, "args": args}})
    return component


def _portable(node):
    """What Python wrote in a schema, as JSON Schema says it: the end-of-text anchor ``\\Z`` of a
    regex is ECMA's ``$``; a Decimal bound (an hour's quarters) is a number, not its text."""
    if isinstance(node, dict):
        return {k: (v.replace(r"\Z", "$") if k == "pattern" and isinstance(v, str) else _portable(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_portable(v) for v in node]
    if isinstance(node, Decimal):
        return int(node) if node == node.to_integral_value() else float(node)
    return node
