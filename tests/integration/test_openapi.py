"""GET /api/openapi.json describes every route under /api (from the schemas the routes load and
the engine's registry), and a real server keeps to it: schemathesis sends what the description
allows and what it does not, signed in (a teacher, the Poradnia's coordinator) and signed out,
and no answer is a 5xx or outside the description. Bounded: a few examples per operation,
derandomized (the same cases every run), the whole run in well under a minute."""
from __future__ import annotations

import contextlib
import os
import time

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                               status_code_conformance)

from server import ratelimits
from server.app import create_app
from server.openapi.paths import ROUTES
from tests.databases import fresh_postgres
from tests.processes import demo_server, logs_on_failure, signed_in

ANNA, COORDINATOR = "anna.nowak@example.org", "koordynator@example.org"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 5  # per operation, identity and mode: enough to reach every refusal, cheap enough for CI
# A request line this long is refused by the HTTP server before the app (Werkzeug: 414; gunicorn
# takes 4 KB): a limit of the transport, not of a route.
LONGEST_URL = 8 * 1024
# Real ids for path parameters, so positive cases reach past "not found" into the routes' work.
ID_OF = {"network_id": "network", "thread_id": "thread", "meeting_id": "meeting", "survey_id": "survey",
         "attachment_id": "attachment"}


@pytest.fixture(scope="module")
def described_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("openapi-app")
    return create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp / 'unused.db'}", "SECRET_KEY": "x",
                       "PWA_DIST": str(tmp)})


def test_every_api_route_is_described(described_app):
    spec = described_app.test_client().get("/api/openapi.json").get_json()
    missing = sorted(f"{rule.rule} ({rule.endpoint})" for rule in described_app.url_map.iter_rules()
                     if rule.rule.startswith("/api/") and rule.endpoint not in ROUTES)
    assert not missing, "routes under /api with no entry in server/openapi/paths.py ROUTES:\n" + "\n".join(missing)
    assert len(spec["paths"]) == len({r.rule for r in described_app.url_map.iter_rules()
                                      if r.rule.startswith("/api/")})


def test_the_description_is_public_and_not_kept(described_app):
    answer = described_app.test_client().get("/api/openapi.json")
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
    spec = answer.get_json()
    assert spec["openapi"].startswith("3.")
    me = spec["paths"]["/api/me"]["get"]
    assert set(me["responses"]) == {"200", "401"} and me["security"] == [{"session": []}]
    assert spec["paths"]["/api/auth/email-link"]["post"]["security"] == []
    assert "Retry-After" in spec["paths"]["/api/auth/email-link"]["post"]["responses"]["429"]["headers"]
    error = spec["components"]["schemas"]["ErrorOut"]
    assert error["required"] == ["code", "message"] and "fields" in error["properties"]


def test_a_push_carries_every_registered_mutation_with_its_own_schema(described_app):
    spec = described_app.test_client().get("/api/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    items = schemas["sync.PushIn"]["properties"]["mutations"]["items"]
    mutators = described_app.extensions["sync_engine"].registry.mutators
    assert set(items["discriminator"]["mapping"]) == set(mutators)
    assert len(items["oneOf"]) == len(mutators)
    post = schemas[items["discriminator"]["mapping"]["post.create"].rsplit("/", 1)[1]]
    assert post["properties"]["name"]["enum"] == ["post.create"]
    args = schemas[post["properties"]["args"]["$ref"].rsplit("/", 1)[1]]
    # The rule is the schema's own, read from it: the body's length, the ids' format, no unknown keys.
    body = type(mutators["post.create"].schema)._declared_fields["body"]
    longest = next(v.max for v in body.validators if hasattr(v, "max"))
    assert args["properties"]["body"]["maxLength"] == longest
    assert args["properties"]["thread_id"] == {"type": "string", "format": "uuid"}
    assert args["additionalProperties"] is False
    hours = schemas["meetings.AttendanceHours"]["properties"]["hours"]
    assert isinstance(hours["maximum"], (int, float))  # a Decimal bound is a number, not its text


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def server(request, tmp_path_factory):
    """On both databases: PostgreSQL refuses what SQLite keeps (a NUL, an integer past its column)."""
    # Limits high enough that the cases, not the counts, decide the answers (429 stays described).
    limits = {f"RATE_{setting.name}": "10000 per minute" for setting in ratelimits.SETTINGS}
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(fresh_postgres()) if request.param == "postgresql" else None
        yield stack.enter_context(demo_server(tmp_path_factory.mktemp("openapi"), "openapi", (ANNA, COORDINATOR),
                                              database_url=url, **limits))


def _real_ids(http: requests.Session, base_url: str) -> dict[str, str]:
    rows = [c for c in http.get(f"{base_url}/api/sync/pull", params={"limit": 5000}, timeout=30).json()["changes"]
            if c["op"] == "put"]
    return {param: next(r["id"] for r in rows if r["type"] == kind)
            for param, kind in ID_OF.items() if any(r["type"] == kind for r in rows)}


def _run(operation, http: requests.Session, base_url: str, mode: GenerationMode, **fixed) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True, print_blob=False,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    @given(operation.as_strategy(generation_mode=mode, **fixed))
    def case_keeps_to_the_description(case):
        assume(len(case.formatted_path) + len(str(case.query or "")) * 3 < LONGEST_URL)
        case.call_and_validate(base_url=base_url, session=http, checks=CHECKS, timeout=30)

    try:
        case_keeps_to_the_description()
    except Unsatisfiable:
        pass  # nothing to make wrong: an operation that takes no input has no negative case


def test_the_server_keeps_to_its_description(server):
    started = time.monotonic()
    with logs_on_failure(server):
        anna, coordinator = signed_in(server, ANNA), signed_in(server, COORDINATOR)
        ids = _real_ids(coordinator, server.url)
        schema = schemathesis.openapi.from_url(f"{server.url}/api/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        assert {o.path for o in operations} >= set(schema.raw_schema["paths"]) - {"/api/openapi.json"}  # its own: left out
        who = {"a teacher": anna, "the coordinator": coordinator, "signed out": requests.Session()}
        failures = []
        for operation in operations:
            public = operation.definition.raw.get("security") == []
            params = {p.name for p in operation.path_parameters}
            real = {p: ids[p] for p in params if p in ids}
            for name, http in who.items():
                if operation.label == "POST /api/auth/logout" and name != "signed out":
                    continue  # it would end the session the other cases sign in with
                complete = bool(real) and len(real) == len(params)
                runs: list[tuple[GenerationMode, dict]] = []
                if name != "the coordinator" or not complete:  # her random ids find what the teacher's find
                    runs.append((GenerationMode.POSITIVE, {}))
                if name == "a teacher" or (name == "signed out" and public):  # wrong input, signed in and not
                    runs.append((GenerationMode.NEGATIVE, {}))
                if complete and name != "signed out":
                    runs.append((GenerationMode.POSITIVE, {"path_parameters": real}))
                for mode, given_ in runs:
                    try:
                        _run(operation, http, server.url, mode, **given_)
                    except (Exception, BaseExceptionGroup) as exc:  # every one is tried; the failures told at the end
                        failures.append(f"{operation.label}, {name}, {mode.value}:\n{str(exc)[:3000]}")
        assert not failures, f"{len(failures)} failures:\n\n" + "\n\n".join(failures)
        assert "Traceback (most recent call last)" not in server.log()
    took = time.monotonic() - started
    print(f"schemathesis: {len(operations)} operations in {took:.1f} s")
    # Bounded in CI, where the machine runs this alone; on a machine shared by many runs a clock says little.
    assert took < 60 or not os.environ.get("CI"), f"{took:.0f} s"
