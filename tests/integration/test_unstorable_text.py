"""Text a database cannot store never fails a push or a form with a 500 (on either database):
half an emoji is refused with a reason, a NUL (pasted from a PDF) is dropped and the text kept,
an id is the whole UUID or nothing. What follows in the batch, and the next push, go through."""
from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import func, select

from server.extensions import db
from server.fields import BROKEN_TEXT
from server.forum.models import Post, Thread
from tests.integration.forum_helpers import MATH, a_thread_in, network_id, new_thread, outcome, reply

HALF_EMOJI = "\ud83d"  # the first half of 😀, as a phone's cut-and-paste can leave it


def test_half_an_emoji_is_refused_and_the_batch_goes_on(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    broken, after = reply(a_thread_in(MATH), f"Świetny pomysł {HALF_EMOJI}"), reply(a_thread_in(MATH), "Dzięki 😀")
    response = anna.push(broken, after)
    assert response.status_code == 200 and outcome(response) == ["invalid", "applied"]
    assert response.get_json()["results"][0]["error"]["fields"] == {"body": [BROKEN_TEXT]}
    assert outcome(anna.push(reply(a_thread_in(MATH), "I jeszcze jedno"))) == ["applied"]
    assert db.session.get(Post, after[1]["id"]).body == "Dzięki 😀"  # a whole emoji is text like any other
    assert db.session.get(Post, broken[1]["id"]) is None


def test_half_an_emoji_anywhere_is_refused(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    name, args = new_thread(network_id(MATH))
    response = anna.push(
        (name, args | {"title": HALF_EMOJI + "Tytuł"}),
        ("resource.create", {"id": str(uuid.uuid4()), "network_id": network_id(MATH), "kind": "link",
                             "title": "Gry", "url": "https://gry.example", "tags": ["ok", "gry" + HALF_EMOJI]}),
        ("post.create", {HALF_EMOJI: 1}),  # an unknown key is echoed back: escaped, it can be
        (f"post.create{HALF_EMOJI}", {}),
        reply(a_thread_in(MATH)),
    )
    assert response.status_code == 200
    assert outcome(response) == ["invalid", "invalid", "invalid", "unknown_mutation", "applied"]
    results = response.get_json()["results"]
    assert results[0]["error"]["fields"] == {"title": [BROKEN_TEXT]}
    assert results[1]["error"]["fields"] == {"tags": {"1": [BROKEN_TEXT]}}
    assert "\\ud83d" in results[2]["error"]["fields"]
    assert db.session.get(Thread, args["id"]) is None


def test_a_nul_is_dropped_and_the_text_kept(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    name, args = new_thread(network_id(MATH), "Plan\x00 lekcji", "Skopiowane\x00 z PDF-a")
    assert outcome(anna.push((name, args), reply(args["id"], "\x00Odpowiedź\x00"))) == ["applied", "applied"]
    assert db.session.get(Thread, args["id"]).title == "Plan lekcji"
    bodies = db.session.scalars(select(Post.body).where(Post.thread_id == args["id"]).order_by(Post.created_at))
    assert sorted(bodies) == ["Odpowiedź", "Skopiowane z PDF-a"]
    assert outcome(anna.push(("profile.update", {"name": "Anna\x00 Nowak"}))) == ["applied"]


@pytest.mark.parametrize("suffix", ["\n", "0", " "], ids=["newline", "37 characters", "space"])
def test_an_id_is_the_whole_uuid(app, demo, as_user, suffix):
    anna = as_user("anna.nowak@example.org")
    thread = a_thread_in(MATH)
    same = str(uuid.uuid4())
    posts_before = db.session.scalar(select(func.count(Post.id)))
    response = anna.push(
        ("post.create", {"id": same + suffix, "thread_id": thread, "body": "Cień"}),
        ("post.create", {"id": str(uuid.uuid4()), "thread_id": thread + suffix, "body": "Cień"}),
        ("post.create", {"id": same, "thread_id": thread, "body": "Prawdziwy"}),
    )
    assert response.status_code == 200 and outcome(response) == ["invalid", "invalid", "applied"]
    assert response.get_json()["results"][0]["error"]["fields"] == {"id": ["To nie jest poprawny identyfikator (UUID)."]}
    assert db.session.scalar(select(func.count(Post.id))) == posts_before + 1  # no shadow post beside the real one
    assert outcome(anna.push(reply(thread))) == ["applied"]


def test_a_file_is_named_by_its_whole_sha256(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    name, args = new_thread(network_id(MATH))
    anna.push((name, args))
    add = {"id": str(uuid.uuid4()), "post_id": args["post_id"], "sha256": "a" * 64 + "\n", "name": "plan.pdf"}
    response = anna.push(("attachment.add", add))
    assert outcome(response) == ["invalid"] and list(response.get_json()["results"][0]["error"]["fields"]) == ["sha256"]
    assert anna.http.put("/api/files/" + "a" * 64 + "%0A", data=b"x", headers={"X-CSRF-Token": anna.csrf}).status_code == 400


def test_an_email_fits_where_it_is_kept(app, demo, as_user):
    admin = as_user("koordynator@example.org")  # the demo's staff admin
    long = "a" * 60 + "@" + ("b" * 60 + ".") * 4 + "pl"  # 307 characters: well formed, longer than mail allows
    response = admin.push(("poradnia.update", {"email": long}), ("poradnia.update", {"email": "sekretariat@poradnia.example"}))
    assert response.status_code == 200 and outcome(response) == ["invalid", "applied"]
    assert response.get_json()["results"][0]["error"]["fields"] == {"email": ["Adres e-mail może mieć najwyżej 254 znaki."]}


def test_a_device_id_is_a_whole_uuid(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    body = {"client_id": anna.client_id + "\n", "mutations": [{"id": 1, "name": "post.create", "args": reply(a_thread_in(MATH))[1]}]}
    response = anna.post_json("/api/sync/push", body)
    assert response.status_code == 400 and list(response.get_json()["error"]["fields"]) == ["client_id"]


def test_forms_and_queries_never_fail_on_such_text(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    assert anna.http.get("/api/search", query_string={"q": "\x00"}).status_code == 400  # nothing left to look for
    assert anna.http.get("/api/search", query_string={"q": "pla\x00n"}).status_code == 200
    assert anna.http.get("/api/search", query_string={"q": "x", "network_id": network_id(MATH) + "\n"}).status_code == 400
    assert anna.http.get("/api/sync/pull", query_string={"cursor": "1\x00"}).status_code == 400
    for path in ("/api/threads/%00/posts", f"/api/threads/{a_thread_in(MATH)}%0A/posts", "/api/attachments/%00",
                 "/api/attachments/" + "x" * 40 + "/thumbnail", "/api/networks/%00/export"):
        assert anna.http.get(path).status_code == 404, path

    visitor = app.test_client()
    request = {"name": "Sieć bibliotekarzy", "kind": "subject", "topic": "Biblioteka szkolna",
               "justification": "Chcemy\x00 wymieniać się pomysłami.", "recruitment": "open", "expected_members": 10}
    form = {"email": "nowa@szkola.example", "name": "Ewa Nowak", "function": "teacher", "request": request}
    broken = visitor.post("/api/public/network-requests", data=json.dumps(form | {"name": "Ewa " + HALF_EMOJI}),
                          content_type="application/json")
    assert broken.status_code == 400 and broken.get_json()["error"]["fields"] == {"name": [BROKEN_TEXT]}
    nested = visitor.post("/api/public/network-requests", content_type="application/json",
                          data=json.dumps(form | {"request": request | {"topic": HALF_EMOJI * 3}}))
    assert nested.status_code == 400 and nested.get_json()["error"]["fields"] == {"request": {"topic": [BROKEN_TEXT]}}
    assert visitor.post("/api/public/network-requests", json=form).status_code == 202
