"""A phone back online pushes everything at once. Replies in a batch are written
by plain INSERT (sync/inserts.py) and who to tell is worked out once per thread
at the end (MutationContext.collect): the batch must still read as if each
mutation had been applied alone."""
from __future__ import annotations

from tests.integration.forum_helpers import MATH, network_id, new_thread, outcome, reply


def posts_of(client, thread_id: str) -> dict[str, dict]:
    return {i: p for i, p in client.rows("post").items() if p["thread_id"] == thread_id}


def test_later_mutations_of_a_batch_see_the_replies_it_wrote(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    started = new_thread(network_id(MATH), "Tydzień bez sieci")
    thread_id = started[1]["id"]
    first, second, third = (reply(thread_id, f"Wpis {i}") for i in range(3))
    second[1]["reply_to_id"] = first[1]["id"]  # quotes a reply written in the same batch
    results = outcome(anna.push(
        started, first, second, third,
        ("post.update", {"id": first[1]["id"], "body": "Wpis 0, poprawiony"}),
        ("post.delete", {"id": third[1]["id"]}),
    ))
    assert results == ["applied"] * 6
    posts = posts_of(anna, thread_id)
    assert set(posts) == {started[1]["post_id"], first[1]["id"], second[1]["id"]}
    assert posts[first[1]["id"]]["body"] == "Wpis 0, poprawiony"
    assert posts[second[1]["id"]]["reply_to_id"] == first[1]["id"]
    assert [r["body"] for r in anna.rows("post_revision").values() if r["post_id"] == first[1]["id"]] == ["Wpis 0"]
    assert anna.rows("thread")[thread_id]["post_count"] == 3


def test_a_conflicting_reply_is_refused_alone_and_tells_nobody(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    started = new_thread(network_id(MATH), "Konflikt identyfikatorów")
    thread_id = started[1]["id"]
    assert outcome(anna.push(started)) == ["applied"]
    assert outcome(jan.push(reply(thread_id, "Jestem w wątku"))) == ["applied"]
    taken = reply(thread_id, "Pierwszy")
    twin = ("post.create", dict(reply(thread_id, "Drugi z tym samym id")[1], id=taken[1]["id"]))
    # The twin fails the fast path at its INSERT; the careful replay refuses only it.
    results = outcome(anna.push(taken, twin, reply(thread_id, "Trzeci")))
    assert results == ["applied", "conflict", "applied"]
    bodies = sorted(p["body"] for p in posts_of(jan, thread_id).values())
    assert bodies == ["Jestem w wątku", "Pierwszy", "Treść", "Trzeci"]
    (note,) = [n for n in jan.rows("notification").values() if n["thread_id"] == thread_id and n["kind"] == "reply"]
    assert note["count"] == 2  # the refused twin is not news


def test_a_batch_of_replies_tells_each_person_once_per_kind(app, demo, as_user):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    coordinator, piotr = as_user("koordynator@example.org"), as_user("piotr.zielinski@example.org")
    started = new_thread(network_id(MATH), "Zadania na ferie")
    thread_id = started[1]["id"]
    assert outcome(jan.push(started)) == ["applied"]
    mentioning = reply(thread_id, "@Jan i @Piotr — co sądzicie?")
    mentioning[1]["mentions"] = [jan.id, piotr.id]  # Piotr is not in this network
    batch = [reply(thread_id, "Pierwsza"), mentioning, reply(thread_id, "Ostatnia")]
    assert outcome(anna.push(*batch)) == ["applied"] * 3

    notes = {n["kind"]: n for n in jan.rows("notification").values() if n["thread_id"] == thread_id}
    assert set(notes) == {"reply", "mention"}
    assert notes["reply"]["count"] == 2 and notes["reply"]["post_id"] == batch[2][1]["id"]
    assert notes["mention"]["count"] == 1 and notes["mention"]["post_id"] == mentioning[1]["id"]
    assert notes["reply"]["actor_id"] == anna.id
    # The coordinator heard of the thread, but took no part in it: no replies for her.
    heard = {n["kind"] for n in coordinator.rows("notification").values() if n["thread_id"] == thread_id}
    assert heard == {"thread"}
    assert not any(n["thread_id"] == thread_id for n in piotr.rows("notification").values())
    assert not any(n["thread_id"] == thread_id for n in anna.rows("notification").values() if n["kind"] != "thread")



def test_a_reply_reads_back_from_the_database_as_it_was_published(app, demo, as_user):
    """What devices got from the batch (the values given to the INSERT) is what the
    database holds: an edit later loads the row and publishes it again."""
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    started = new_thread(network_id(MATH), "Zapis i odczyt")
    name, args = reply(started[1]["id"], "@Jan — zerknij proszę")
    args["mentions"] = [jan.id]
    assert outcome(anna.push(started, (name, args))) == ["applied", "applied"]
    published = jan.rows("post")[args["id"]]
    assert outcome(anna.push(("post.update", {"id": args["id"], "body": "@Jan — zerknij, proszę"}))) == ["applied"]
    reread = jan.rows("post")[args["id"]]
    assert reread["edited_at"] is not None and reread["body"] == "@Jan — zerknij, proszę"
    for field in ("created_at", "mentions", "author_id", "thread_id", "network_id", "reply_to_id"):
        assert reread[field] == published[field], field
