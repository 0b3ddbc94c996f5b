"""GET /api/search in Polish, on both databases: diacritics folded, endings forgiven, visibility kept."""
from __future__ import annotations

import uuid

from server.extensions import db
from server.search.rebuild import rebuild
from tests.integration.forum_helpers import GIFTED, MATH, a_thread_in, network_id, new_thread, reply


def found(client, q: str, **extra) -> list[dict]:
    response = client.http.get("/api/search", query_string={"q": q} | extra)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["results"]


def test_diacritics_and_endings(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    name, args = reply(a_thread_in(MATH), "Na przyrodzie mieliśmy żółwia błotnego — dzieci były zachwycone!")
    anna.push((name, args))
    for query in ("zolw", "żółw", "ŻÓŁWIE", "zolwia blotnego", "dzieci zachwyconych"):
        hits = found(anna, query)
        assert [h["id"] for h in hits] == [args["id"]], query
    (hit,) = found(anna, "zolw")
    assert hit == {"type": "post", "id": args["id"], "thread_id": args["thread_id"], "network_id": network_id(MATH),
                   "snippet": "Na przyrodzie mieliśmy żółwia błotnego — dzieci były zachwycone!"}
    assert found(anna, "zolw kangur") == []


def test_titles_and_only_what_she_may_see(app, demo, as_user):
    anna, ewa = as_user("anna.nowak@example.org"), as_user("ewa.wisniewska@example.org")
    name, args = new_thread(network_id(GIFTED), "Olimpiada dla zdolnych uczniów", "Szukamy opiekuna")
    ewa.push((name, args))
    assert [h["type"] for h in found(ewa, "olimpiad uczniowie")] == ["thread"]
    assert found(anna, "olimpiada") == []  # not her network
    assert found(ewa, "olimpiada", network_id=network_id(MATH)) == []
    assert len(found(ewa, "olimpiada", network_id=network_id(GIFTED))) == 1


def test_edits_and_deletions_reach_the_index(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    name, args = reply(a_thread_in(MATH), "Ułamki na arbuzie")
    anna.push((name, args), ("post.update", {"id": args["id"], "body": "Ułamki na czekoladzie"}))
    assert found(anna, "arbuz") == [] and len(found(anna, "czekolada")) == 1
    anna.push(("post.delete", {"id": args["id"]}))
    assert found(anna, "czekolada") == []


def test_good_practices_are_found_and_the_index_can_be_rebuilt(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    resource = {"id": str(uuid.uuid4()), "network_id": network_id(MATH), "title": "Gra „Ułamkowe domino”",
                "description": "Karty do wycięcia", "kind": "link", "url": "https://poradnia.example/domino",
                "tags": ["ułamki", "gra"]}
    outcome = anna.push(("resource.create", resource)).get_json()["results"][0]
    assert outcome["status"] == "applied", outcome
    assert [h["type"] for h in found(anna, "domino ulamkowe")] == ["resource"]
    name, args = reply(a_thread_in(MATH), "Liczyliśmy żółwie w terrarium.")
    anna.push((name, args))
    assert rebuild(db.session) > 0
    assert [h["id"] for h in found(anna, "domino")] == [resource["id"]]
    assert [h["id"] for h in found(anna, "zolw")] == [args["id"]]  # posts are indexed again too


def test_a_query_must_be_sensible(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    assert anna.http.get("/api/search").status_code == 400
    assert anna.http.get("/api/search", query_string={"q": "x" * 201}).status_code == 400
    assert found(anna, "!!! ???") == []
    assert app.test_client().get("/api/search?q=zolw").status_code == 401
