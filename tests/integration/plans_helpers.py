"""Plans the way a coordinator's phone writes them: made, filled in, sent; approved by staff."""
from __future__ import annotations

import uuid

from server.extensions import db
from server.syncing.engine import engine

YEAR = 2026
GOALS = "Doskonalenie oceniania kształtującego; wymiana dobrych praktyk między szkołami."


def run(user_id: str, name: str, args: dict) -> None:
    with engine.writing(db.session, user_id) as ctx:
        engine.run(ctx, name, args)


def made(coordinator_id: str, network_id: str, year: int = YEAR) -> str:
    """A plan with its goals written; the id of its first version."""
    plan_id = str(uuid.uuid4())
    run(coordinator_id, "plan.create", {"id": plan_id, "network_id": network_id, "school_year": year})
    version = f"{plan_id}:1"
    run(coordinator_id, "plan.update", {"version_id": version, "sections": {"goals": GOALS}})
    return version


def submitted(coordinator_id: str, network_id: str) -> str:
    version = made(coordinator_id, network_id)
    run(coordinator_id, "plan.submit", {"version_id": version})
    return version


def task(coordinator_id: str, version: str, owner_id: str | None = None, title: str = "Lekcja otwarta") -> str:
    """A task in a draft version; its row id."""
    key = str(uuid.uuid4())
    run(coordinator_id, "plan_task.create", {"id": key, "version_id": version, "title": title, "owner_id": owner_id})
    return f"{key}:{version.rsplit(':', 1)[1]}"


def approved(coordinator_id: str, admin_id: str, network_id: str, owner_id: str | None = None) -> tuple[str, str]:
    """An approved plan with one task; (version id, task id)."""
    version = made(coordinator_id, network_id)
    t = task(coordinator_id, version, owner_id)
    run(coordinator_id, "plan.submit", {"version_id": version})
    run(admin_id, "plan.approve", {"version_id": version})
    return version, t
