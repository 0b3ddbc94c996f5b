"""Each e2e test has a server of its own, from the same seeded database: what one
test writes the next does not see, so the suite passes in any order and any
subset. Were the server shared again, the second test here would fail."""
from __future__ import annotations

import uuid

from e2e.helpers import MATH
from tests.processes import Person

MARK = "Wątek, którego następny test nie może zobaczyć"


def titles(person: Person) -> set[str]:
    return {r["data"]["title"] for r in person.rows() if r["type"] == "thread"}


def test_one_test_writes_a_thread(server):
    anna = Person(server, "anna.nowak@example.org")
    math = next(r["id"] for r in anna.rows() if r["type"] == "network" and r["data"]["name"] == MATH)
    anna.push(("thread.create", {"id": str(uuid.uuid4()), "network_id": math, "title": MARK, "body": "…",
                                 "post_id": str(uuid.uuid4())}))
    assert MARK in titles(anna)


def test_the_next_one_starts_from_the_seed(server):
    assert MARK not in titles(Person(server, "anna.nowak@example.org"))
