"""Meetings the way a coordinator's phone makes them: times in Warsaw with their offset."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from server.extensions import db
from server.meetings.models import Meeting
from server.syncing.engine import engine

WARSAW = ZoneInfo("Europe/Warsaw")


def now() -> datetime:
    return datetime.now(timezone.utc)


def stamp(moment: datetime) -> str:
    """As the PWA sends a time: ISO 8601 with Warsaw's offset for that date."""
    return moment.astimezone(WARSAW).isoformat()


def meeting_args(network_id: str, starts: datetime | None = None, hours: float = 2, **extra) -> dict:
    starts = starts or now() + timedelta(days=7)
    return {"id": str(uuid.uuid4()), "network_id": network_id, "title": "Spotkanie sieci",
            "starts_at": stamp(starts), "ends_at": stamp(starts + timedelta(hours=hours)), **extra}


def result(client, name: str, args: dict) -> dict:
    return client.push((name, args)).get_json()["results"][0]


def outcome(client, name: str, args: dict) -> str:
    """"applied", or the refusal's code."""
    r = result(client, name, args)
    return "applied" if r["status"] == "applied" else r["error"]["code"]


def planned(user_id: str, network_id: str, starts: datetime | None = None, hours: float = 2, **extra) -> str:
    """A meeting made by ``user_id`` (its coordinator) as her push would; its id."""
    args = meeting_args(network_id, starts, hours, **extra)
    with engine.writing(db.session, user_id) as ctx:
        engine.run(ctx, "meeting.create", args)
    return args["id"]


def code_of(meeting_id: str) -> str:
    db.session.expire_all()
    return db.session.get(Meeting, meeting_id).code


def as_coordinator(user_id: str, name: str, args: dict) -> None:
    with engine.writing(db.session, user_id) as ctx:
        engine.run(ctx, name, args)
