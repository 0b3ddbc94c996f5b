"""The PWA's argument rules are the server's: pwa/src/sync/rules.json is what `krag rules`
makes from the marshmallow schemas now, and rules.js, which reads it (and holds the few
rules a schema says in code), refuses exactly the arguments the schemas refuse, field by
field — run in node, as e2e/test_folding_agrees.py does for folding."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from marshmallow import ValidationError

from server import rules_export
from server.syncing.engine import registry

SYNC = Path(__file__).resolve().parents[2] / "pwa" / "src" / "sync"
RULES_JSON = SYNC / "rules.json"
RULES_JS = SYNC / "rules.js"

U1 = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
U2 = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c"
SHA = "a" * 64
TODAY = "2026-12-02"
REQUEST = {"name": "Matematyka w klasach 4–8", "kind": "subject", "topic": "matematyka",
           "justification": "Chcemy wymieniać się scenariuszami.", "recruitment": "open", "expected_members": 12}

QUESTION = {"id": "forma", "kind": "single", "text": "Forma spotkań?", "options": ["Stacjonarnie", "Online"]}
SURVEY = {"title": "Diagnoza", "kind": "needs", "opens_at": "2027-01-10T08:00:00+01:00",
          "closes_at": "2027-01-24T20:00:00+01:00", "questions": [QUESTION]}
MEETING = {"starts_at": "2027-03-28T10:00:00+02:00", "ends_at": "2027-03-28T12:00:00+02:00"}  # the day clocks go forward

CASES = [
    ("thread.create", {"id": U1, "network_id": U2, "title": "Lektury", "body": "Jakie macie pomysły?"}),
    ("thread.create", {"id": U1, "network_id": U2, "title": "   ", "body": "x"}),
    ("thread.create", {"id": U1, "network_id": U2, "title": "t" * 201, "body": "x"}),
    ("thread.create", {"id": U1, "network_id": U2, "title": "🐢" * 200, "body": "x"}),  # 200 characters, 400 in UTF-16
    ("thread.create", {"id": U1 + "\n", "network_id": U2, "title": "t", "body": "x"}),
    ("thread.create", {"id": U1, "network_id": U2, "title": "t", "body": "x", "mentions": [U2] * 51}),
    ("post.create", {"id": U1, "thread_id": U2, "body": "b" * 20_001}),
    ("post.create", {"id": "nie-uuid", "thread_id": U2, "body": "b"}),
    ("post.react", {"post_id": U1}),
    ("thread.state", {"thread_id": U1, "read_at": "2026-01-01T10:00:00.000Z"}),
    ("thread.state", {"thread_id": U1, "read_at": "2026-01-01T10:00:00"}),
    ("category.create", {"id": U1, "network_id": U2, "name": "a"}),
    ("category.create", {"id": U1, "network_id": U2, "name": "Lektury", "position": 1001}),
    ("network_request.create", {"id": U1, **REQUEST}),
    ("network_request.create", {"id": U1, **REQUEST, "expected_members": "12"}),
    ("network_request.create", {"id": U1, **REQUEST, "expected_members": 501, "kind": "x"}),
    ("network_request.create", {"id": U1, **REQUEST, "justification": "krótko"}),
    ("network_request.reject", {"id": U1, "reason": "  ab  "}),
    ("network.update", {"id": U1, "name": "ab", "capacity": None}),
    ("network.update", {"id": U1, "description": "d" * 5001, "capacity": 1}),
    ("network.continue", {"network_id": U1, "id": U2, "school_year": "2026-2027"}),
    ("network.continue", {"network_id": U1, "id": U2, "school_year": "2026/2027"}),
    ("membership.invite", {"network_id": U1, "email": "anna", "role": "boss"}),
    ("membership.invite", {"network_id": U1, "email": "anna@example.org", "role": "expert", "until": "2027-06-30"}),
    ("membership.invite", {"network_id": U1, "email": "anna@example.org", "role": "expert", "until": "2027-13-45"}),
    ("profile.update", {"name": "  Ann  ", "school_id": None, "function": "teacher"}),
    ("profile.update", {"subjects": ["a"], "function": "x"}),
    ("profile.update", {"subjects": [f"przedmiot {i}" for i in range(13)]}),
    ("school.create", {"id": U1, "name": "SP 1", "town": "Kielce", "kind": "technikum", "rspo": "12a"}),
    ("school.create", {"id": U1, "name": "SP 12", "town": "Kielce", "kind": "szkoła", "rspo": None}),
    ("poradnia.update", {"email": "x", "address": "abc"}),
    ("poradnia.update", {"email": None, "name": "Poradnia"}),
    ("staff.set", {"is_staff": True}),
    ("staff.set", {"user_id": U1, "is_staff": True, "is_admin": False}),
    ("resource.create", {"id": U1, "network_id": U2, "kind": "link", "title": "Scenariusz"}),
    ("resource.create", {"id": U1, "network_id": U2, "kind": "file", "title": "Scenariusz", "url": "https://example.org/a"}),
    ("resource.create", {"id": U1, "network_id": U2, "kind": "link", "title": "Scenariusz", "url": "ftp://example.org/a"}),
    ("resource.create", {"id": U1, "network_id": U2, "kind": "link", "title": "Scenariusz", "url": "https://example.org/a"}),
    ("resource.create", {"id": U1, "network_id": U2, "kind": "file", "title": "ab", "tags": ["t"] * 11,
                         "school_level": "liceum"}),
    ("resource.update", {"id": U1, "tags": ["t" * 41], "subject": "s" * 101}),
    ("post.promote", {"post_id": U1, "resource_id": U2, "title": "Dobra lekcja", "description": None}),
    ("attachment.add", {"id": U1, "post_id": U2, "resource_id": U2, "sha256": SHA, "name": "a.pdf"}),
    ("attachment.add", {"id": U1, "sha256": SHA, "name": "a.pdf"}),
    ("attachment.add", {"id": U1, "post_id": U2, "sha256": "ABC", "name": "a.pdf"}),
    ("attachment.add", {"id": U1, "post_id": U2, "sha256": SHA, "name": "a.pdf"}),
    ("notification_pref.set", {"network_id": U1, "email": "hourly"}),
    ("notification.read", {"ids": [U1] * 501}),
    ("attachment.add", {"id": U1, "meeting_id": U2, "sha256": SHA, "name": "a.pdf"}),
    ("attachment.add", {"id": U1, "meeting_id": U2, "post_id": U2, "sha256": SHA, "name": "a.pdf"}),
    ("meeting.create", {"id": U1, "network_id": U2, "title": "Spotkanie", **MEETING}),
    ("meeting.create", {"id": U1, "network_id": U2, "title": "Spotkanie", **MEETING, "ends_at": "2027-03-28T09:00:00+02:00"}),
    ("meeting.create", {"id": U1, "network_id": U2, "title": "Spotkanie", **MEETING, "ends_at": "2027-03-28T22:30:00+02:00"}),
    ("meeting.create", {"id": U1, "network_id": U2, "title": "", **MEETING, "ends_at": "2027-03-28T09:00:00+02:00"}),
    ("meeting.create", {"id": U1, "network_id": U2, "title": "Spotkanie", **MEETING, "starts_at": "2027-03-28T10:00:00"}),
    ("meeting.create", {"id": U1, "network_id": U2, "title": "Spotkanie", **MEETING,
                        "agenda": [{"time": "25:00", "topic": "Powitanie", "who": ""}]}),
    ("meeting.create", {"id": U1, "network_id": U2, "title": "Spotkanie", **MEETING,
                        "agenda": [{"time": None, "topic": "  ", "who": ""}], "links": [{"title": "", "url": "ftp://x.org"}]}),
    ("meeting.update", {"id": U1, "ends_at": "2027-03-28T09:00:00+02:00"}),
    ("meeting.rsvp", {"meeting_id": U1, "answer": "perhaps"}),
    ("attendance.hours", {"meeting_id": U1, "user_id": U2, "hours": 1.3}),
    ("attendance.hours", {"meeting_id": U1, "user_id": U2, "hours": 1.25}),
    ("attendance.hours", {"meeting_id": U1, "user_id": U2, "hours": 13}),
    ("attendance.hours", {"meeting_id": U1, "user_id": U2, "hours": None}),
    ("attendance.check_in", {"meeting_id": U1, "code": "12345", "at": "2027-03-28T10:00:00+02:00"}),
    ("attendance.set", {"meeting_id": U1, "user_id": U2, "present": True, "at": "2027-03-28T10:00:00Z"}),
    ("survey.create", {"id": U1, "network_id": U2, **SURVEY}),
    ("survey.create", {"id": U1, "network_id": U2, **SURVEY, "kind": "quiz", "title": ""}),
    ("survey.create", {"id": U1, "network_id": U2, **SURVEY, "closes_at": SURVEY["opens_at"]}),
    ("survey.create", {"id": U1, "network_id": U2, **SURVEY, "questions": [{**QUESTION, "options": ["Tak"]}]}),
    ("survey.create", {"id": U1, "network_id": U2, **SURVEY, "questions": [{**QUESTION, "options": ["Tak", " Tak "]}]}),
    ("survey.create", {"id": U1, "network_id": U2, **SURVEY, "questions": [{**QUESTION, "kind": "scale"}]}),
    ("survey.create", {"id": U1, "network_id": U2, **SURVEY, "questions": [QUESTION, QUESTION]}),
    ("survey.create", {"id": U1, "network_id": U2, **SURVEY, "questions": [{**QUESTION, "text": "", "options": ["x"]}]}),
    ("survey.create", {"id": U1, "network_id": U2, **SURVEY, "questions": []}),
    ("survey.update", {"id": U1, "closes_at": "2027-01-10T08:00:00+01:00", "opens_at": "2027-01-11T08:00:00+01:00"}),
    ("survey.answer", {"survey_id": U1, "answers": {"forma": "Online"}}),
    ("survey.answer", {"survey_id": U1, "answers": {"forma": "Online"}, "key": "za-krotki"}),
    ("public_request", {"email": "anna@example.org", "name": "Anna Nowak", "function": "teacher", "request": REQUEST}),
    ("public_request", {"email": "anna", "name": "An", "function": "teacher", "request": {**REQUEST, "name": "x"}}),
]

SCRIPT = """
import { check } from %s;
const { cases, today } = JSON.parse(process.argv[1]);
console.log(JSON.stringify(cases.map(([name, args]) => Object.keys(check(name, args, today)).sort())));
"""


def _fields(messages: dict, prefix: str = "") -> set[str]:
    """The fields marshmallow refused: a list's items count as the list, a nested form's are named inside it."""
    found: set[str] = set()
    for key, value in messages.items():
        if isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
            found |= _fields(value, f"{prefix}{key}.")
        else:
            found.add(f"{prefix}{key}")
    return found


def _server(name: str, args: dict) -> list[str]:
    schema = registry.mutators[name].schema if name in registry.mutators else _form(name)
    try:
        schema.load(args)
    except ValidationError as err:
        return sorted(_fields(err.messages))
    return []


def _form(name: str):
    from importlib import import_module

    module, attr = rules_export.FORMS[name]
    return getattr(import_module(module), attr)()


def test_rules_json_is_what_the_schemas_say_now():
    assert RULES_JSON.exists(), "pwa/src/sync/rules.json is made by the build: run `make install`"
    assert json.loads(RULES_JSON.read_text(encoding="utf-8")) == json.loads(json.dumps(rules_export.rules()))


def test_every_mutation_has_rules():
    assert set(rules_export.rules()["mutations"]) == set(registry.mutators)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_pwa_refuses_what_the_server_refuses():
    assert RULES_JSON.exists(), "pwa/src/sync/rules.json is made by the build: run `make install`"
    out = subprocess.run(
        ["node", "--input-type=module", "-e", SCRIPT % json.dumps(RULES_JS.as_uri()),
         json.dumps({"cases": CASES, "today": TODAY})],
        capture_output=True, text=True, timeout=60, check=True,
    )
    got = json.loads(out.stdout)
    assert len(got) == len(CASES)
    for (name, args), pwa in zip(CASES, got):
        assert pwa == _server(name, args), (name, args)
