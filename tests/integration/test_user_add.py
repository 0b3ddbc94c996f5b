"""`krag user add` writes through the engine: the new person reaches every device that
should hold her, and a fresh install makes its first administrator with it."""
from __future__ import annotations

import uuid

from server.accounts import services
from server.extensions import db
from tests.apiclient import krag_cli
from tests.integration import world as worlds


def _add(app, *args: str) -> str:
    done = krag_cli(app, "user", "add", *args)
    assert done.exit_code == 0, done.output
    return done.output.strip()


def test_a_staff_member_added_by_the_command_shows_on_other_staff_devices(app, as_user):
    w = worlds.build(db.session)
    colleague = as_user(w.emails["staff"])
    _, cursor = colleague.pull_all()  # her device is up to date before the newcomer comes

    new_id = _add(app, "Nowa.Pracownica@example.org", "--name", "Nowa Pracownica", "--staff")

    rows = colleague.rows("user", cursor)
    assert rows[new_id]["name"] == "Nowa Pracownica" and rows[new_id]["is_staff"] is True
    teacher = as_user(w.emails["member"])
    assert new_id not in teacher.rows("user")  # a teacher's device holds only her fellow members
    newcomer = as_user("nowa.pracownica@example.org")
    assert newcomer.id == new_id and newcomer.rows("user")[new_id]["is_admin"] is False


def test_a_fresh_install_makes_its_first_administrator_who_can_do_admin_things(app, as_user):
    assert services.count_users(db.session) == 0
    admin_id = _add(app, "dyrektorka@poradnia.example", "--name", "Dyrektorka Poradni", "--admin")
    teacher_id = _add(app, "nauczycielka@szkola.example", "--name", "Nauczycielka Szkoły")

    admin = as_user("dyrektorka@poradnia.example")
    assert admin.user["is_staff"] is True  # an administrator is staff: the rights ask for both
    assert admin.rows("user")[admin_id]["is_admin"] is True
    answer = admin.push(
        ("staff.set", {"user_id": teacher_id, "is_staff": True}),
        ("school.create", {"id": str(uuid.uuid4()), "name": "Szkoła Podstawowa nr 2", "town": "Brzozów",
                           "kind": "szkoła podstawowa"}),
    ).get_json()
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"], answer
    assert admin.rows("user")[teacher_id]["is_staff"] is True  # now in the staff list on her device


def test_bad_input_is_refused_and_nothing_is_written(app):
    refused = krag_cli(app, "user", "add", "to-nie-adres", "--name", "Ktoś Tam")
    assert refused.exit_code == 1 and "email" in refused.output
    short = krag_cli(app, "user", "add", "ktos@example.org", "--name", "  A ")
    assert short.exit_code == 1 and "3–120" in short.output
    assert services.count_users(db.session) == 0
