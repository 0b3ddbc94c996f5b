"""The engine speaks in codes: its own refusals carry neutral English by default, and
whoever runs it gives its own words (Krąg's Polish ones: server/syncing/messages.py)."""
from __future__ import annotations

import ast
from pathlib import Path

from sync import SyncEngine
from tests.unit.notes_domain import build_registry

SYNC = Path(__file__).resolve().parents[2] / "sync"
REFUSED = [
    {"id": 1, "name": "note.create", "args": {"id": "n1", "board": "a", "text": ""}},
    {"id": 2, "name": "note.fly", "args": {}},
]


def _messages(engine, session) -> list[str]:
    return [r["error"]["message"] for r in engine.push(session, "ala", "c1", REFUSED).results]


def test_without_words_of_its_own_the_engine_answers_in_english(engine_parts):
    engine, session, _ = engine_parts
    assert _messages(engine, session) == ["The arguments are not valid.", "Unknown mutation: note.fly"]


def test_the_server_gives_the_words_and_the_codes_stay(engine_parts):
    _, session, _ = engine_parts
    words = {"invalid": "Niepoprawne dane.", "unknown_mutation": "Nieznana operacja: {name}"}
    engine = SyncEngine(build_registry(), messages=words)
    out = engine.push(session, "ala", "c1", REFUSED).results
    assert [r["error"]["code"] for r in out] == ["invalid", "unknown_mutation"]
    assert [r["error"]["message"] for r in out] == ["Niepoprawne dane.", "Nieznana operacja: note.fly"]


def test_no_text_in_sync_is_polish():
    from server.syncing.messages import ENGINE

    for path in SYNC.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(n)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                assert node.value.isascii(), f"{path.name}:{node.lineno} {node.value!r}"
                assert all(word.split("{")[0] not in node.value for word in ENGINE.values()), f"{path.name}:{node.lineno}"
