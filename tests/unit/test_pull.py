"""Pull: what a user may see, in order, paged exactly, with purges when access ends."""
from __future__ import annotations

import pytest

from sync import cursor as cursors
from sync.errors import BadCursor
from tests.unit.notes_domain import Access
from tests.unit.test_push import note


def pull_all(engine, session, user, cursor=None, limit=1000):
    changes = []
    while True:
        page = engine.pull(session, user, cursor, limit)
        changes += page["changes"]
        cursor = page["cursor"]
        if not page["more"]:
            return changes, cursor


def ids(changes):
    return [(c["op"], c.get("id", c.get("scope"))) for c in changes]


def test_a_new_device_gets_everything_it_may_see(engine_parts):
    engine, session, _ = engine_parts
    engine.push(session, "ala", "c1", [note(1, "a"), note(2, "b"), note(3, "a")])
    ala, _ = pull_all(engine, session, "ala")
    ola, _ = pull_all(engine, session, "ola")
    assert ids(ala) == [("put", "n1"), ("put", "n3"), ("put", "n2")]  # scope by scope, in commit order
    assert ids(ola) == [("put", "n2")]
    assert ala[0] == {"type": "note", "id": "n1", "op": "put", "scope": "board:a",
                      "data": {"id": "n1", "board": "a", "text": "note 1"}}


@pytest.mark.parametrize("limit", [1, 2, 3, 7])
def test_paging_with_a_small_limit_gives_what_one_large_pull_gives(engine_parts, limit):
    engine, session, _ = engine_parts
    engine.push(session, "ala", "c1", [note(i, "ab"[i % 2]) for i in range(1, 21)])
    engine.push(session, "ala", "c1", [{"id": 21, "name": "note.delete", "args": {"id": "n4"}}])
    whole, whole_cursor = pull_all(engine, session, "ala", limit=1000)
    paged, paged_cursor = pull_all(engine, session, "ala", limit=limit)
    assert paged == whole
    assert cursors.decode(paged_cursor) == cursors.decode(whole_cursor)
    assert ("delete", "n4") in ids(whole) and ("put", "n4") not in ids(whole)


def test_an_incremental_pull_returns_only_what_changed(engine_parts):
    engine, session, _ = engine_parts
    engine.push(session, "ala", "c1", [note(1), note(2)])
    _, cursor = pull_all(engine, session, "ala")
    assert pull_all(engine, session, "ala", cursor)[0] == []
    engine.push(session, "ala", "c1", [note(3), {"id": 4, "name": "note.delete", "args": {"id": "n1"}}])
    assert ids(pull_all(engine, session, "ala", cursor)[0]) == [("put", "n3"), ("delete", "n1")]


def test_losing_access_purges_the_scope_and_stops_its_rows(engine_parts):
    engine, session, _ = engine_parts
    engine.push(session, "ala", "c1", [note(1, "b")])
    _, cursor = pull_all(engine, session, "ola")
    session.delete(session.get(Access, ("ola", "b")))
    session.commit()
    engine.push(session, "ala", "c1", [note(2, "b")])
    changes, cursor = pull_all(engine, session, "ola", cursor)
    assert changes == [{"op": "purge", "scope": "board:b"}]
    assert "board:b" not in cursors.decode(cursor).versions
    assert pull_all(engine, session, "ola", cursor)[0] == []
    # Gaining it back brings the whole scope again.
    session.add(Access(user_id="ola", board="b"))
    session.commit()
    assert ids(pull_all(engine, session, "ola", cursor)[0]) == [("put", "n1"), ("put", "n2")]


def test_last_mutation_ids_cover_every_client_of_the_user(engine_parts):
    engine, session, _ = engine_parts
    engine.push(session, "ala", "phone", [note(1)])
    engine.push(session, "ala", "tablet", [note(2) | {"id": 1}, note(3) | {"id": 2}])
    engine.push(session, "ola", "ola-phone", [note(4, "b") | {"id": 1}])
    assert engine.pull(session, "ala", None, 10)["last_mutation_ids"] == {"phone": 1, "tablet": 2}


@pytest.mark.parametrize("bad", ["nonsense", "eyJ2IjoyfQ", cursors.encode(cursors.Cursor({"board:a": 1}))[:-3] + "!!!"])
def test_a_cursor_the_server_did_not_make_is_refused(engine_parts, bad):
    engine, session, _ = engine_parts
    with pytest.raises(BadCursor):
        engine.pull(session, "ala", bad, 10)


def test_the_answer_sent_passes_rows_through_and_reads_as_the_parsed_pull(engine_parts):
    import json

    from sync.pull import RawJSON, encode

    engine, session, _ = engine_parts
    engine.push(session, "ala", "c1", [note(1, "a"), note(2, "b"), {"id": 3, "name": "note.delete", "args": {"id": "n1"}}])
    engine.push(session, "ala", "c1", [{"id": 4, "name": "note.create", "args": {"id": "n9", "board": "a",
                                                                               "text": "zażółć \"gęślą\" \\ jaźń 🙂"}}])
    parsed = engine.pull(session, "ala", None, 1000)
    raw = engine.pull(session, "ala", None, 1000, raw=True)
    assert any(isinstance(c.get("data"), RawJSON) for c in raw["changes"])
    assert json.loads(encode(raw)) == parsed
    assert "zażółć" in encode(raw)  # Polish text as it is, not \\u escapes
