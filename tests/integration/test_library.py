"""The library of good practices: docs/sync-protocol.md ("resource", post.promote) and docs/roles.md."""
from __future__ import annotations

import uuid

import pytest

from tests.integration.files_helpers import attach, jpeg, pdf
from tests.integration.forum_helpers import MATH, network_id, new_thread
from tests.integration.server_writes import archive, make_expert

ANNA, JAN, PIOTR, BOSS = ("anna.nowak@example.org", "jan.kowalski@example.org", "piotr.zielinski@example.org",
                          "koordynator@example.org")


def link(network: str, **extra) -> dict:
    return {"id": str(uuid.uuid4()), "network_id": network, "kind": "link", "title": "Geoplan online",
            "url": "https://example.org/geoplan", **extra}


def result(client, name: str, args: dict) -> dict:
    return client.push((name, args)).get_json()["results"][0]


def test_a_member_adds_a_link_and_the_network_sees_it(app, demo, as_user):
    anna, jan, piotr = as_user(ANNA), as_user(JAN), as_user(PIOTR)
    args = link(network_id(MATH), description="  Wirtualny geoplan do figur.  ", tags=["geometria", " Geometria ", "klasa 5", ""],
                school_level="klasy_4_8", subject="matematyka")
    assert result(anna, "resource.create", args)["status"] == "applied"
    row = jan.rows("resource")[args["id"]]
    assert row == {
        "id": args["id"], "network_id": network_id(MATH), "title": "Geoplan online",
        "description": "Wirtualny geoplan do figur.", "tags": ["geometria", "klasa 5"], "school_level": "klasy_4_8",
        "subject": "matematyka", "kind": "link", "url": "https://example.org/geoplan", "author_id": anna.id,
        "from_post_id": None, "created_at": row["created_at"], "edited_at": None, "edited_by": None,
    }
    assert args["id"] not in piotr.rows("resource")  # not in the network


def test_a_practice_with_files(app, demo, as_user):
    anna, jan = as_user(ANNA), as_user(JAN)
    args = {"id": str(uuid.uuid4()), "network_id": network_id(MATH), "kind": "file", "title": "Karta pracy: ułamki"}
    assert result(anna, "resource.create", args)["status"] == "applied"
    attachment_id, added = attach(anna, pdf(), "karta.pdf", resource_id=args["id"])
    assert added["status"] == "applied"
    assert jan.rows("attachment")[attachment_id]["resource_id"] == args["id"]
    assert jan.http.get(f"/api/attachments/{attachment_id}").data == pdf()
    _, refused = attach(jan, jpeg(20, 20), resource_id=args["id"])  # only its author adds files
    assert refused["error"]["code"] == "forbidden"


BAD = [
    ({"kind": "link", "url": None}, "url", "Link potrzebuje adresu strony."),
    ({"kind": "link", "url": "javascript:alert(1)"}, "url", "Podaj adres strony zaczynający się od http:// albo https://."),
    ({"kind": "link", "url": "ftp://example.org/plik"}, "url", "Podaj adres strony zaczynający się od http:// albo https://."),
    ({"kind": "file", "url": "https://example.org"}, "url", "Adres podaje się tylko dla linków."),
    ({"kind": "video"}, "kind", "Wybierz: plik albo link."),
    ({"title": "ab"}, "title", "Tytuł musi mieć od 3 do 200 znaków."),
    ({"title": None}, "title", "To pole nie może być puste."),
    ({"school_level": "liceum"}, "school_level",
     "Wybierz etap: przedszkole, klasy 1–3, klasy 4–8 albo szkoła ponadpodstawowa."),
    ({"tags": [f"t{i}" for i in range(11)]}, "tags", "Najwyżej 10 tagów."),
    ({"tags": "geometria"}, "tags", "Oczekiwano listy."),
    ({"subject": "m" * 101}, "subject", "Nazwa przedmiotu może mieć najwyżej 100 znaków."),
    ({"id": "nie-uuid"}, "id", "To nie jest poprawny identyfikator (UUID)."),
    ({"colour": "red"}, "colour", "Nieznane pole."),
]


@pytest.mark.parametrize("change,field,message", BAD, ids=[b[1] + str(i) for i, b in enumerate(BAD)])
def test_bad_practices_are_rejected_with_polish_reasons(app, demo, as_user, change, field, message):
    anna = as_user(ANNA)
    outcome = result(anna, "resource.create", link(network_id(MATH)) | change)
    assert outcome["status"] == "rejected" and outcome["error"]["code"] == "invalid"
    assert message in str(outcome["error"]["fields"][field])


def test_missing_fields_are_named(app, demo, as_user):
    outcome = result(as_user(ANNA), "resource.create", {"network_id": network_id(MATH)})
    assert outcome["error"]["fields"] == {f: ["To pole jest wymagane."] for f in ("id", "kind", "title")}


def test_author_and_coordinator_edit_others_do_not(app, demo, as_user):
    anna, jan, boss, piotr = as_user(ANNA), as_user(JAN), as_user(BOSS), as_user(PIOTR)
    args = link(network_id(MATH))
    result(anna, "resource.create", args)
    assert result(anna, "resource.update", {"id": args["id"], "title": "Geoplan w przeglądarce"})["status"] == "applied"
    assert result(boss, "resource.update", {"id": args["id"], "tags": ["polecane"]})["status"] == "applied"
    for client in (jan, piotr):
        assert result(client, "resource.update", {"id": args["id"], "title": "Moje"})["error"]["code"] == "forbidden"
    row = jan.rows("resource")[args["id"]]
    assert row["title"] == "Geoplan w przeglądarce" and row["tags"] == ["polecane"] and row["edited_at"]
    assert result(anna, "resource.update", {"id": args["id"], "url": None})["error"]["fields"] == {
        "url": ["Link potrzebuje adresu strony."]}
    assert result(anna, "resource.update", {"id": args["id"], "kind": "file"})["error"]["fields"] == {
        "kind": ["Nieznane pole."]}


def test_the_row_names_who_edited_it_last(app, demo, as_user):
    anna, jan, boss = as_user(ANNA), as_user(JAN), as_user(BOSS)
    args = link(network_id(MATH))
    result(anna, "resource.create", args)
    assert result(anna, "resource.update", {"id": args["id"], "description": "Anny"})["status"] == "applied"
    first = jan.rows("resource")[args["id"]]
    assert first["edited_by"] == anna.id and first["edited_at"]
    assert result(boss, "resource.update", {"id": args["id"], "description": "Koordynatora"})["status"] == "applied"
    second = jan.rows("resource")[args["id"]]
    assert second["edited_by"] == boss.id and second["description"] == "Koordynatora"
    assert second["edited_at"] >= first["edited_at"]
    assert result(anna, "resource.update", {"id": args["id"], "description": "Koordynatora"})["status"] == "applied"
    assert jan.rows("resource")[args["id"]]["edited_by"] == boss.id  # nothing changed: still his edit


def test_a_file_practice_takes_no_url(app, demo, as_user):
    anna = as_user(ANNA)
    args = {"id": str(uuid.uuid4()), "network_id": network_id(MATH), "kind": "file", "title": "Scenariusz"}
    result(anna, "resource.create", args)
    outcome = result(anna, "resource.update", {"id": args["id"], "url": "https://example.org"})
    assert outcome["error"]["fields"] == {"url": ["Adres podaje się tylko dla linków."]}


def test_deleting_a_practice_leaves_a_tombstone_and_takes_its_files(app, demo, as_user):
    anna, jan, boss = as_user(ANNA), as_user(JAN), as_user(BOSS)
    args = {"id": str(uuid.uuid4()), "network_id": network_id(MATH), "kind": "file", "title": "Karta pracy"}
    result(anna, "resource.create", args)
    attachment_id, _ = attach(anna, pdf(), resource_id=args["id"])
    _, cursor = jan.pull_all()
    assert result(jan, "resource.delete", {"id": args["id"]})["error"]["code"] == "forbidden"
    assert result(boss, "resource.delete", {"id": args["id"]})["status"] == "applied"
    changes, _ = jan.pull_all(cursor)
    assert {(c["type"], c["id"], c["op"]) for c in changes} == {
        ("resource", args["id"], "delete"), ("attachment", attachment_id, "delete")}
    assert jan.http.get(f"/api/attachments/{attachment_id}").status_code == 404
    assert result(anna, "resource.update", {"id": args["id"], "title": "Jeszcze"})["error"]["code"] == "not_found"
    assert result(anna, "resource.delete", {"id": args["id"]})["error"]["code"] == "not_found"


def test_a_post_becomes_a_good_practice_with_its_files(app, demo, as_user):
    anna, jan = as_user(ANNA), as_user(JAN)
    name, thread = new_thread(network_id(MATH), "Stacje powtórkowe", "Cztery stacje, po 10 minut każda.")
    anna.push((name, thread))
    photo_id, _ = attach(anna, jpeg(300, 200), "stacje.jpg", post_id=thread["post_id"])
    card_id, _ = attach(anna, pdf(), "karta.pdf", post_id=thread["post_id"])
    resource_id = str(uuid.uuid4())
    promote = {"post_id": thread["post_id"], "resource_id": resource_id, "title": "Powtórka w stacjach",
               "tags": ["egzamin"], "school_level": "klasy_4_8", "subject": "matematyka"}
    assert result(jan, "post.promote", promote)["status"] == "applied"

    row = anna.rows("resource")[resource_id]
    assert row["description"] == "Cztery stacje, po 10 minut każda."
    assert row["from_post_id"] == thread["post_id"] and row["author_id"] == jan.id and row["kind"] == "file"
    carried = {a["id"]: a for a in anna.rows("attachment").values() if a["resource_id"] == resource_id}
    expected = {str(uuid.uuid5(uuid.UUID(resource_id), original)) for original in (photo_id, card_id)}
    assert set(carried) == expected
    assert {a["name"] for a in carried.values()} == {"stacje.jpg", "karta.pdf"}
    for attachment_id in carried:
        assert anna.http.get(f"/api/attachments/{attachment_id}").status_code == 200
    # The post keeps its own files.
    assert {photo_id, card_id} <= set(anna.rows("attachment"))

    again = result(anna, "post.promote", promote | {"resource_id": str(uuid.uuid4())})
    assert again["error"]["code"] == "conflict"
    # Once that practice is deleted, the post may be promoted again.
    assert result(jan, "resource.delete", {"id": resource_id})["status"] == "applied"
    described = promote | {"resource_id": str(uuid.uuid4()), "description": "Opis koordynatora."}
    assert result(anna, "post.promote", described)["status"] == "applied"
    assert anna.rows("resource")[described["resource_id"]]["description"] == "Opis koordynatora."


def test_who_may_promote(app, demo, as_user):
    anna, piotr = as_user(ANNA), as_user(PIOTR)
    name, thread = new_thread(network_id(MATH))
    anna.push((name, thread))
    promote = lambda: {"post_id": thread["post_id"], "resource_id": str(uuid.uuid4()), "title": "Dobra praktyka"}  # noqa: E731
    assert result(piotr, "post.promote", promote())["error"]["code"] == "forbidden"  # not in the network
    make_expert(network_id(MATH), piotr.id)
    assert result(piotr, "post.promote", promote())["error"]["code"] == "forbidden"  # experts do not
    assert result(piotr, "resource.create", link(network_id(MATH)))["error"]["code"] == "forbidden"
    assert result(anna, "post.promote", promote() | {"post_id": str(uuid.uuid4())})["error"]["code"] == "not_found"
    anna.push(("post.delete", {"id": thread["post_id"]}))
    assert result(anna, "post.promote", promote())["error"]["code"] == "not_found"


def test_an_archived_network_keeps_its_library_read_only(app, demo, as_user):
    anna, boss = as_user(ANNA), as_user(BOSS)
    args = link(network_id(MATH))
    result(anna, "resource.create", args)
    name, thread = new_thread(network_id(MATH))
    anna.push((name, thread))
    archive(network_id(MATH))
    attempts = [
        ("resource.create", link(network_id(MATH))),
        ("resource.update", {"id": args["id"], "title": "Zmiana"}),
        ("resource.delete", {"id": args["id"]}),
        ("post.promote", {"post_id": thread["post_id"], "resource_id": str(uuid.uuid4()), "title": "Praktyka"}),
    ]
    for client in (anna, boss):
        for name, mutation in attempts:
            assert result(client, name, mutation)["error"]["code"] == "archived", (client.user["name"], name)
    assert args["id"] in anna.rows("resource")
