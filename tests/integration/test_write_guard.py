"""The server's guard: every table devices hold refuses a write made outside a mutation,
so a route, a command or a fixture that skips the engine fails here, loudly."""
from __future__ import annotations

import pytest
from sqlalchemy import update

from server.accounts import publish
from server.accounts import services as accounts
from server.accounts.models import User
from server.extensions import db
from server.syncing.engine import engine, registry
from sync import WriteOutsideMutation


@pytest.mark.parametrize("row_type", sorted(registry.serializers))
def test_every_row_type_devices_hold_is_watched(app, row_type):
    model = registry.row_models[row_type]
    with pytest.raises(WriteOutsideMutation, match=model.__table__.name):
        db.session.execute(update(model).where(model.id == "none").values(id=model.id))
    db.session.rollback()


def test_a_person_written_behind_the_engines_back_is_refused(app, demo):
    anna = accounts.find_user_by_email(db.session, "anna.nowak@example.org")
    anna.name = "Anna Po Cichu"
    with pytest.raises(WriteOutsideMutation, match="user row changed"):
        db.session.commit()
    db.session.rollback()
    with pytest.raises(WriteOutsideMutation, match="user_account"):
        db.session.execute(update(User).where(User.id == anna.id).values(is_staff=True))
    db.session.rollback()
    with pytest.raises(WriteOutsideMutation, match="user row added"):
        accounts.create_user(db.session, "obok@example.org", "Obok Silnika")
    db.session.rollback()
    assert accounts.find_user_by_email(db.session, "anna.nowak@example.org").name == "Anna Nowak"


def test_the_same_write_through_the_engine_reaches_her_devices(app, demo, as_user):
    device = as_user("anna.nowak@example.org")
    _, cursor = device.pull_all()
    with engine.writing(db.session, device.id) as ctx:
        anna = db.session.get(User, device.id)
        anna.name = "Anna Nowak-Lis"
        publish.person(ctx, anna)
    assert device.rows("user", cursor)[device.id]["name"] == "Anna Nowak-Lis"
