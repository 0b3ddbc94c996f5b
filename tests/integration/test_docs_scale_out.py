"""Co-editing on two production servers (gunicorn's gevent worker) sharing PostgreSQL and
Redis: a Node editor on A and one on B converge byte for byte; a joiner on B, whose room
was open while A wrote, is answered with everything (no stale copy); a room emptied and
compacted on one server loses nothing for the other."""
from __future__ import annotations

import threading

import pytest
import socketio

from tests.integration.docs_node import NodeEditors
from tests.integration.test_docs_node import cookie, new_notes, settle
from tests.integration.test_scale_out import WAIT, cluster, wait_until_listening  # noqa: F401 (the fixture)
from tests.processes import Person, logs_on_failure

pytestmark = pytest.mark.pg


def listening(server, person: Person) -> socketio.Client:
    """A socket on ``server`` that has heard Redis: the server relays what others publish."""
    heard = threading.Event()
    probe = socketio.Client(http_session=person.http, reconnection=False)
    probe.on("scale_out_probe", lambda _data: heard.set())
    probe.connect(server.url, wait_timeout=WAIT)
    wait_until_listening(server, person.id, heard)
    return probe


def test_editors_on_two_servers_converge_and_joins_see_the_other_servers_writes(cluster):  # noqa: F811
    a, b = cluster.a, cluster.b
    with logs_on_failure(a, b):
        anna, jan = Person(a, "anna.nowak@example.org"), Person(b, "jan.kowalski@example.org")
        probes = [listening(a, anna), listening(b, jan)]
        node = NodeEditors()
        try:
            doc = new_notes(anna)
            names = {"a": anna, "b": jan}
            assert node("open", name="a", url=a.url, cookie=cookie(anna), doc=doc)["ok"]
            assert node("open", name="b", url=b.url, cookie=cookie(jan), doc=doc)["ok"]
            for i in range(40):  # both at once, on different servers
                node("insert", name="a", at=(i % 7) / 7, text=f"a{i} ")
                node("insert", name="b", at=(i % 5) / 5, text=f"b{i} ")
            text, _ = settle(node, {"anna.nowak@example.org": anna}, doc, names)
            sa, sb = node("state", name="a"), node("state", name="b")
            assert sa["update"] == sb["update"] and sa["text"] == text
            assert sorted(text) == sorted("".join(f"{w}{i} " for w in "ab" for i in range(40)))

            for i in range(20):  # A writes on while B's room stays open with b in it
                node("insert", name="a", at=1, text=f"A{i} ")
            node("wait", names=["a"])
            assert node("open", name="late", url=b.url, cookie=cookie(jan), doc=doc)["ok"]
            node("wait", names=["late", "b"], sv=node("state", name="a")["sv"])
            assert node("state", name="late")["text"] == node("state", name="a")["text"]

            node("close", name="b")
            node("close", name="late")  # B's room empties: B compacts the document
            for i in range(10):
                node("insert", name="a", at=0, text=f"z{i} ")
            text, _ = settle(node, {"anna.nowak@example.org": anna}, doc, {"a": anna})
            assert node("open", name="again", url=b.url, cookie=cookie(jan), doc=doc)["ok"]
            node("wait", names=["again"], sv=node("state", name="a")["sv"])
            assert node("state", name="again")["text"] == text == node("state", name="a")["text"]
        finally:
            node.close()
            for probe in probes:
                probe.disconnect()
