"""Set-ups a test needs that no device pushes, written through the engine like every write
(the guard refuses anything else): a network archived by its coordinator, an expert let
in, her last day passing."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from server.accounts import services as accounts
from server.db import utcnow
from server.extensions import db
from server.networks import publish
from server.networks.membership import activate
from server.networks.models import Membership, Network
from server.syncing.engine import engine

COORDINATOR = "koordynator@example.org"  # the demo's coordinator of both networks


def _run_as(email: str, mutation: str, args: dict) -> None:
    """Run a registered mutation as that person, as her device's push would."""
    with engine.writing(db.session, accounts.find_user_by_email(db.session, email).id) as ctx:
        engine.run(ctx, mutation, args)


def archive(network_id: str) -> None:
    _run_as(COORDINATOR, "network.archive", {"network_id": network_id})


def make_expert(network_id: str, user_id: str, until: datetime | None = None) -> None:
    """Let her in as an expert (what accepting an invitation does), until ``until``."""
    with engine.writing(db.session, user_id) as ctx:
        activate(ctx, db.session.get(Network, network_id), user_id, "expert", until)


def last_day_passes(user_id: str) -> None:
    """Time passing, which no mutation does: her memberships as an expert ended a minute ago."""
    with engine.writing(db.session, user_id) as ctx:
        for m in db.session.scalars(select(Membership).where(Membership.user_id == user_id,
                                                             Membership.expires_at.is_not(None))):
            m.expires_at = utcnow() - timedelta(minutes=1)
            publish.membership(ctx, m)
