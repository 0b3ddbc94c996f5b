"""The forum beyond plain posts: categories, quoting, mentions, "pomocne", pin and lock, history, reading."""
from __future__ import annotations

import uuid
from datetime import timedelta

from server.db import iso, utcnow
from tests.integration.forum_helpers import GIFTED, MATH, a_thread_in, network_id, new_thread, outcome, reply


def categories_of(client, network: str) -> dict[str, str]:
    return {c["name"]: c["id"] for c in client.rows("category").values() if c["network_id"] == network}


def test_categories_default_and_kept_by_the_coordinator(app, demo, as_user):
    anna, staff = as_user("anna.nowak@example.org"), as_user("koordynator@example.org")
    math = network_id(MATH)
    cats = categories_of(anna, math)
    assert set(cats) == {"Ogłoszenia", "Wymiana doświadczeń", "Pytania początkujących"}
    assert outcome(anna.push(("category.create", {"id": str(uuid.uuid4()), "network_id": math, "name": "Egzaminy"}))) == ["forbidden"]
    exams = str(uuid.uuid4())
    assert outcome(staff.push(("category.create", {"id": exams, "network_id": math, "name": "Egzaminy"}))) == ["applied"]

    name, args = new_thread(math, "Arkusze próbne")
    args["category_id"] = cats["Pytania początkujących"]
    foreign = new_thread(math, "Zła kategoria")
    foreign[1]["category_id"] = categories_of(as_user("ewa.wisniewska@example.org"), network_id(GIFTED))["Ogłoszenia"]
    assert outcome(anna.push((name, args), foreign)) == ["applied", "invalid"]
    assert outcome(anna.push(("thread.update", {"id": args["id"], "category_id": exams}))) == ["applied"]
    assert anna.rows("thread")[args["id"]]["category_id"] == exams
    assert outcome(staff.push(("category.delete", {"id": exams}))) == ["applied"]
    assert anna.rows("thread")[args["id"]]["category_id"] is None
    assert "Egzaminy" not in categories_of(anna, math)


def test_quoting_and_mentions(app, demo, as_user):
    anna, jan, piotr = (as_user(f"{n}@example.org") for n in ("anna.nowak", "jan.kowalski", "piotr.zielinski"))
    thread_id = a_thread_in(MATH)
    first = next(p for p in anna.rows("post").values() if p["thread_id"] == thread_id)
    name, args = reply(thread_id, "> cytat\n\n@Jan Kowalski zgadzam się")
    args |= {"reply_to_id": first["id"], "mentions": [jan.id, piotr.id]}  # Piotr is not in this network
    assert outcome(anna.push((name, args))) == ["applied"]
    post = jan.rows("post")[args["id"]]
    assert post["reply_to_id"] == first["id"] and post["mentions"] == [jan.id]
    kinds = {n["kind"] for n in jan.rows("notification").values() if n["post_id"] == args["id"]}
    assert kinds == {"mention"}
    assert not any(n["thread_id"] == thread_id for n in piotr.rows("notification").values())
    name, args = reply(thread_id)
    args["reply_to_id"] = str(uuid.uuid4())
    assert outcome(anna.push((name, args))) == ["invalid"]


def test_helpful_marks_are_set_not_toggled(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    name, args = reply(a_thread_in(MATH), "Scenariusz lekcji w załączniku")
    anna.push((name, args))
    mark = ("post.react", {"post_id": args["id"], "helpful": True})
    assert outcome(jan.push(mark, mark)) == ["applied", "applied"]
    reactions = [r for r in anna.rows("reaction").values() if r["post_id"] == args["id"]]
    assert reactions == [{"id": f"{args['id']}:{jan.id}", "post_id": args["id"], "user_id": jan.id, "kind": "helpful"}]
    assert outcome(anna.push(mark)) == ["forbidden"]  # not her own
    _, cursor = anna.pull_all()
    jan.push(("post.react", {"post_id": args["id"], "helpful": False}))
    changes, _ = anna.pull_all(cursor)
    assert {"type": "reaction", "id": f"{args['id']}:{jan.id}", "op": "delete", "scope": f"network:{network_id(MATH)}"} in changes


def test_pin_and_lock_belong_to_the_coordinator(app, demo, as_user):
    anna, jan, staff = (as_user(f"{n}@example.org") for n in ("anna.nowak", "jan.kowalski", "koordynator"))
    thread_id = a_thread_in(MATH)
    assert outcome(anna.push(("thread.pin", {"id": thread_id, "value": True}))) == ["forbidden"]
    assert outcome(staff.push(("thread.pin", {"id": thread_id, "value": True}),
                              ("thread.lock", {"id": thread_id, "value": True}))) == ["applied", "applied"]
    thread = jan.rows("thread")[thread_id]
    assert thread["pinned"] and thread["locked"]
    assert outcome(jan.push(reply(thread_id))) == ["locked"]
    assert outcome(staff.push(reply(thread_id, "Zamykam wątek, dziękuję wszystkim."))) == ["applied"]


def test_edits_are_visible_as_history(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    name, args = reply(a_thread_in(MATH), "Wersja 1")
    anna.push((name, args), ("post.update", {"id": args["id"], "body": "Wersja 2"}),
              ("post.update", {"id": args["id"], "body": "Wersja 3"}))
    history = sorted((r for r in jan.rows("post_revision").values() if r["post_id"] == args["id"]),
                     key=lambda r: int(r["id"]))
    assert [r["body"] for r in history] == ["Wersja 1", "Wersja 2"]
    assert jan.rows("post")[args["id"]]["body"] == "Wersja 3"


def test_reading_state_moves_forward_and_follows_her_devices(app, demo, as_user):
    phone, tablet = as_user("anna.nowak@example.org"), as_user("anna.nowak@example.org")
    thread_id = a_thread_in(MATH)
    now = utcnow()
    assert outcome(phone.push(("thread.state", {"thread_id": thread_id, "read_at": iso(now)}))) == ["applied"]
    # An old phone syncing late cannot make news unread again.
    tablet.push(("thread.state", {"thread_id": thread_id, "read_at": iso(now - timedelta(days=3)), "starred": True}))
    (state,) = [s for s in tablet.rows("thread_state").values() if s["thread_id"] == thread_id]
    assert state["read_at"] == iso(now) and state["starred"] is True
    assert outcome(as_user("piotr.zielinski@example.org").push(("thread.state", {"thread_id": thread_id}))) == ["forbidden"]


def test_reading_a_thread_reads_what_she_was_told_of_in_it(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    name, args = new_thread(network_id(MATH), "Tablice interaktywne")
    anna.push((name, args))
    first = jan.rows("post")
    seen = max(p["created_at"] for p in first.values() if p["thread_id"] == args["id"])
    mention = reply(args["id"], "@Jan Kowalski a Ty?")
    mention[1]["mentions"] = [jan.id]
    anna.push(mention)  # after what Jan's phone has shown him
    unread = {n["kind"]: n for n in jan.rows("notification").values()
              if n["thread_id"] == args["id"] and n["read_at"] is None}
    assert set(unread) == {"thread", "mention"}
    # His phone read the thread up to its first post: that is read, the later mention is not.
    assert outcome(jan.push(("thread.state", {"thread_id": args["id"], "read_at": seen}))) == ["applied"]
    notes = jan.rows("notification")
    assert notes[unread["thread"]["id"]]["read_at"] is not None
    assert notes[unread["mention"]["id"]]["read_at"] is None
    # Starring reads nothing.
    newest = max(p["created_at"] for p in jan.rows("post").values() if p["thread_id"] == args["id"])
    jan.push(("thread.state", {"thread_id": args["id"], "starred": True}))
    assert jan.rows("notification")[unread["mention"]["id"]]["read_at"] is None
    jan.push(("thread.state", {"thread_id": args["id"], "read_at": newest}))
    assert jan.rows("notification")[unread["mention"]["id"]]["read_at"] is not None


def test_replies_notify_participants_once_per_thread_until_read(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    name, args = new_thread(network_id(MATH), "Kółko matematyczne")
    anna.push((name, args))
    jan.push(reply(args["id"], "Chętnie dołączę"))
    anna.push(*[reply(args["id"], f"Spotkanie {i}") for i in range(3)])
    notes = [n for n in jan.rows("notification").values() if n["thread_id"] == args["id"]]
    by_kind = {n["kind"]: n for n in notes}
    assert by_kind["thread"]["count"] == 1
    assert by_kind["reply"]["count"] == 3 and by_kind["reply"]["actor_id"] == anna.id
    assert outcome(jan.push(("notification.read", {"ids": [by_kind["reply"]["id"]]}))) == ["applied"]
    assert jan.rows("notification")[by_kind["reply"]["id"]]["read_at"] is not None
    anna.push(reply(args["id"], "Jeszcze jedno"))
    fresh = [n for n in jan.rows("notification").values()
             if n["thread_id"] == args["id"] and n["kind"] == "reply" and n["read_at"] is None]
    assert len(fresh) == 1 and fresh[0]["count"] == 1
