"""Interop and convergence with real Node.js Yjs clients (npm yjs, y-protocols, lib0,
socket.io-client, through the PWA's provider) against a real `krag run`: two Node editors
and a Python (pycrdt) one type into one document at once and end byte-identical; N editors
with random disconnects and offline edits end identical, every character typed there once;
a server restart between edits loses nothing."""
from __future__ import annotations

import base64
import random
import time
import uuid

import pycrdt
import pytest

from server import migrate
from tests.integration.docs_client import PyEditor, clocks
from tests.integration.docs_node import NodeEditors
from tests.processes import Person, ServerProcess, a_math_thread, krag, krag_env, logs_on_failure

BOUND = 30  # seconds a randomized run may take, seeded: it either converges soon or not at all
PEOPLE = ("anna.nowak@example.org", "jan.kowalski@example.org", "ewa.wisniewska@example.org",
          "koordynator@example.org")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("docs-node")
    dist = tmp / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>Krąg</title>")
    database_url = f"sqlite:///{tmp / 'krag.db'}"
    migrate.upgrade(database_url)
    env = krag_env(DATABASE_URL=database_url, SECRET_KEY="docs-node-secret", INSTANCE_PATH=str(tmp),
                   PWA_DIST=str(dist))
    krag(env, "seed-demo")
    process = ServerProcess("docs", env, tmp)
    process.start()
    process.wait_healthy()
    yield process
    process.stop()


@pytest.fixture(scope="module")
def people(server):
    return {email: Person(server, email) for email in PEOPLE}


@pytest.fixture
def node():
    editors = NodeEditors()
    yield editors
    editors.close()


def cookie(person: Person) -> str:
    return f"krag_session={person.http.cookies['krag_session']}"


def new_notes(person: Person) -> str:
    network, _thread = a_math_thread(person)
    return f"notes:{network}:{uuid.uuid4()}"


def server_state(person: Person, doc: str) -> tuple[str, bytes, bytes]:
    """The stored document as the HTTP fallback gives it: its text, state vector, whole update."""
    answer = person.http.post(f"{person.server.url}/api/docs/{doc}/sync", json={}, timeout=30)
    assert answer.status_code == 200, answer.text
    update = base64.b64decode(answer.json()["update"])
    return str(loaded(update).get("text", type=pycrdt.Text)), base64.b64decode(answer.json()["state_vector"]), update


def encoded(data: bytes) -> str:
    return base64.b64encode(data).decode()


def loaded(update: bytes) -> pycrdt.Doc:
    doc = pycrdt.Doc()
    doc.apply_update(update)
    return doc


def open_all(node, server, people, doc, names):
    for name, email in names.items():
        assert node("open", name=name, url=server.url, cookie=cookie(people[email]), doc=doc, user=email) == {
            "ok": True, "read_only": False}


def settle(node, people, doc, names) -> tuple[str, bytes]:
    """Wait until every editor holds what the server stored; the stored text and update."""
    anna = people[PEOPLE[0]]
    while True:  # each round waits on events; a second round only if someone's update landed meanwhile
        _text, sv, _ = server_state(anna, doc)
        node("wait", names=list(names), sv=encoded(sv))
        text, again, update = server_state(anna, doc)
        if again == sv:
            return text, update


def test_two_node_editors_and_a_python_editor_converge_byte_identical(server, people, node):
    with logs_on_failure(server):
        anna = people[PEOPLE[0]]
        doc = new_notes(anna)
        names = {"a": PEOPLE[0], "b": PEOPLE[1]}
        open_all(node, server, people, doc, names)
        ewa = PyEditor(server.url, people[PEOPLE[2]].http, doc)
        assert ewa.ack == {"ok": True, "read_only": False}
        try:
            rng = random.Random(7)
            for i in range(60):  # all three at once: nobody waits for anyone's echo
                node("insert", name="a", at=rng.random(), text=f"A{i} ")
                node("insert", name="b", at=rng.random(), text=f"B{i} ")
                ewa.insert(rng.random(), f"E{i} ")
            ewa.wait()  # her updates are stored
            text, stored = settle(node, people, doc, names)
            ewa.wait(pycrdt.get_state(stored))
            a, b = node("state", name="a"), node("state", name="b")
            assert a["text"] == b["text"] == str(ewa) == text
            assert a["update"] == b["update"]  # byte for byte, Yjs' own encoding of the whole document
            # Byte for byte: Yjs' encoding of the whole document in both Node editors, Yrs' in the
            # Python editor and in a document loaded from what the server stored.
            assert a["update"] == b["update"] == encoded(ewa.doc.get_update()) == encoded(loaded(stored).get_update())
            assert clocks(base64.b64decode(a["sv"])) == clocks(base64.b64decode(b["sv"])) == clocks(ewa.doc.get_state())
            typed = "".join(f"{who}{i} " for who in "ABE" for i in range(60))
            assert sorted(text) == sorted(typed)  # each typed character there once (words may interleave)
        finally:
            ewa.close()


@pytest.mark.parametrize("seed", [11, 2027])
def test_random_editors_with_disconnects_and_offline_edits_lose_and_double_nothing(server, people, node, seed):
    with logs_on_failure(server):
        began = time.monotonic()
        rng = random.Random(seed)
        doc = new_notes(people[PEOPLE[0]])
        names = {f"e{i}": PEOPLE[i % len(PEOPLE)] for i in range(5)}
        open_all(node, server, people, doc, names)
        online = dict.fromkeys(names, True)
        typed: list[str] = []
        for step in range(400):
            name = rng.choice(list(names))
            roll = rng.random()
            if roll < 0.06:
                node("offline" if online[name] else "online", name=name)
                online[name] = not online[name]
            else:
                char = chr(0x4E00 + len(typed))  # every character typed is a different one
                typed.append(char)
                node("insert", name=name, at=rng.random(), text=char)
        for name, is_online in online.items():
            if not is_online:
                node("online", name=name)
        text, _ = settle(node, people, doc, names)
        states = [node("state", name=name) for name in names]
        assert {s["text"] for s in states} == {text}
        assert len({s["update"] for s in states}) == 1, "the editors differ byte for byte"
        assert sorted(text) == sorted(typed) and len(text) == len(set(text)) == len(typed)
        assert time.monotonic() - began < BOUND


def test_a_server_restart_between_edits_loses_nothing(server, people, node):
    """Three editors type at random (seeded): before the restart, one of them offline at her
    school across it, all of them while the server is down; they end identical, every character
    once, and a joiner of the fresh process gets it all from the store."""
    with logs_on_failure(server):
        rng = random.Random(5)
        doc = new_notes(people[PEOPLE[0]])
        names = {"a": PEOPLE[0], "b": PEOPLE[1], "c": PEOPLE[2]}
        open_all(node, server, people, doc, names)
        typed: list[str] = []

        def type_some(count: int) -> None:
            for _ in range(count):
                typed.append(chr(0x4E00 + len(typed)))
                node("insert", name=rng.choice(list(names)), at=rng.random(), text=typed[-1])

        type_some(40)
        settle(node, people, doc, names)
        node("offline", name="c")  # at her school: no connection until after the restart
        type_some(20)
        server.stop()
        type_some(30)  # every app cut off: kept on the devices
        server.start()
        server.wait_healthy()
        for name in names:
            node("online", name=name)
        text, _ = settle(node, people, doc, names)
        states = [node("state", name=name) for name in names]
        assert {s["text"] for s in states} == {text} and len({s["update"] for s in states}) == 1
        assert sorted(text) == sorted(typed) and len(text) == len(typed)
        open_all(node, server, people, doc, {"late": PEOPLE[3]})  # a fresh process answers from the store
        node("wait", names=["late"], sv=states[0]["sv"])
        assert node("state", name="late")["update"] == states[0]["update"]
