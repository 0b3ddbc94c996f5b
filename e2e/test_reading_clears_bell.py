"""Reading a thread reads what the bell told of it: Anna starts three threads, Jan's
bell says 3; he opens them from the thread list (never from the bell), one of them
offline, and the bell counts down to nothing — on his phone at once, on the server
once it syncs."""
from __future__ import annotations

import time
import uuid

from playwright.sync_api import expect

from e2e.helpers import MATH, open_thread
from tests.processes import Person

TITLES = ["Kartkówka z potęg", "Konkurs Kangur — zapisy", "Gra planszowa o ułamkach"]


def test_reading_a_thread_clears_its_notifications(new_context, sign_in, server):
    context = new_context()
    jan = sign_in(context.new_page(), "jan.kowalski@example.org")
    bell = jan.get_by_test_id("notes-unread")
    jan.get_by_test_id("notes-bell").click()  # what the demo told him of is not this test's
    jan.get_by_test_id("notes-read-all").click()
    expect(bell).to_have_count(0)
    anna = Person(server, "anna.nowak@example.org")
    math = next(r["id"] for r in anna.rows() if r["type"] == "network" and r["data"]["name"] == MATH)
    threads = {title: str(uuid.uuid4()) for title in TITLES}
    anna.push(*[("thread.create", {"id": tid, "network_id": math, "title": title, "body": "Kto się dołączy?",
                                   "post_id": str(uuid.uuid4())}) for title, tid in threads.items()])
    expect(bell).to_have_text("3", timeout=30_000)
    jan.goto("/#/")

    open_thread(jan, TITLES[0])
    expect(bell).to_have_text("2")

    context.set_offline(True)  # with no connection reading clears the bell all the same
    jan.goto("/#/")
    open_thread(jan, TITLES[1])
    expect(bell).to_have_text("1")
    context.set_offline(False)

    jan.goto("/#/")
    open_thread(jan, TITLES[2])
    expect(bell).to_have_count(0)

    # The server agrees, so every device of his (and the next pull) does too.
    on_server = Person(server, "jan.kowalski@example.org")
    unread = lambda: [r["data"] for r in on_server.rows() if r["type"] == "notification"  # noqa: E731
                      and r["data"]["thread_id"] in threads.values() and not r["data"]["read_at"]]
    deadline = time.monotonic() + 30
    while unread() and time.monotonic() < deadline:
        time.sleep(0.2)  # until his reading marks have reached the server
    assert unread() == []
    jan.reload()
    expect(jan.get_by_test_id("thread-heading")).to_have_text(TITLES[2])
    expect(bell).to_have_count(0)
