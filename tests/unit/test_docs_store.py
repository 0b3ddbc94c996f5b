"""The documents' store: updates numbered in commit order, read back after a number, and
compacted into a snapshot without losing or changing anything."""
from __future__ import annotations

import threading

import pycrdt
import pytest
from sqlalchemy import func, select

from sync.docs.models import SyncDocUpdate
from sync.docs.store import DocStore, merge
from tests.unit.docs_world import Editor, sessions, text_of


@pytest.fixture
def db(tmp_path):
    engine, make = sessions(tmp_path)
    yield make
    engine.dispose()


def test_updates_are_numbered_and_read_back_in_order(db):
    store, session, anna = DocStore(), db(), Editor()
    first = store.append(session, "d", [anna.type(0, "Ala ")])
    second = store.append(session, "d", [anna.type(4, "ma "), anna.type(7, "kota")])
    assert (first.first, first.last, second.first, second.last) == (1, 1, 2, 3)
    assert [seq for seq, _ in store.since(session, "d", 0)] == [1, 2, 3]
    assert [seq for seq, _ in store.since(session, "d", 2)] == [3]
    assert text_of(store.state(session, "d")[0]) == "Ala ma kota"
    assert store.since(session, "other", 0) == [] and text_of(store.state(session, "other")[0]) == ""


def test_compaction_loses_nothing_and_numbering_goes_on(db):
    store, session = DocStore(), db()
    anna, jan = Editor(1), Editor(2)
    raw = []
    for i in range(30):
        raw.append(anna.type(len(str(anna)), f"a{i} "))
        jan.take(raw[-1])
        raw.append(jan.type(0, f"j{i} "))
        anna.take(raw[-1])
        if i % 7 == 0:
            raw.append(anna.erase(0, 2))
            jan.take(raw[-1])
    for update in raw:
        store.append(session, "d", [update])
    before, seq = store.state(session, "d")
    assert store.compact(session, "d") and store.pending(session, "d") == 0
    assert session.scalar(select(func.count()).select_from(SyncDocUpdate)) == 0
    after, seq_after = store.state(session, "d")
    assert seq_after == seq == len(raw)
    assert text_of(after) == text_of(before) == str(anna) == str(jan)
    assert pycrdt.get_state(after) == pycrdt.get_state(before)
    # Every struct and deletion is kept: the snapshot is exactly the union of what was sent.
    assert after == merge(raw)

    appended = store.append(session, "d", [anna.type(0, "Nowe: ")])
    assert (appended.first, appended.snapshot_seq) == (seq + 1, seq)
    assert not store.compact(session, "x")  # nothing to compact


def test_a_reader_behind_the_snapshot_gets_it_then_what_follows(db):
    store, session, anna = DocStore(), db(), Editor()
    for i in range(5):
        store.append(session, "d", [anna.type(0, str(i))])
    store.compact(session, "d")
    store.append(session, "d", [anna.type(0, "x")])
    entries = store.since(session, "d", 2)
    assert [seq for seq, _ in entries] == [5, 6]
    assert text_of(merge([data for _, data in entries])) == "x43210"
    assert [seq for seq, _ in store.since(session, "d", 5)] == [6]


def test_writers_at_once_get_every_number_once(db):
    store, anna = DocStore(), Editor()
    updates = [anna.type(0, chr(0x4E00 + i)) for i in range(40)]
    got: list[int] = []

    def write(part):
        session = db()
        for update in part:
            got.append(store.append(session, "d", [update]).first)
        session.close()

    threads = [threading.Thread(target=write, args=(updates[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == list(range(1, 41))
    assert text_of(store.state(db(), "d")[0]) == str(anna)


def test_a_damaged_row_does_not_keep_the_document_from_opening(db):
    store, session, anna = DocStore(), db(), Editor()
    store.append(session, "d", [anna.type(0, "Ala")])
    store.append(session, "d", [b"\x07broken"])  # the rooms check first; the store keeps what it is given
    store.append(session, "d", [anna.type(3, " ma kota")])
    assert text_of(store.state(session, "d")[0]) == "Ala ma kota"
    assert store.compact(session, "d")
    assert text_of(store.state(session, "d")[0]) == "Ala ma kota"
