"""Finding demo rows the way a device would, and building forum mutations."""
from __future__ import annotations

import uuid

from sqlalchemy import select

from server.extensions import db
from server.forum.models import Thread
from server.networks.models import Network

MATH = "Sieć matematyków"
GIFTED = "Sieć nauczycieli pracujących z uczniem zdolnym"


def network_id(name: str) -> str:
    return db.session.scalars(select(Network.id).where(Network.name == name)).one()


def a_thread_in(name: str) -> str:
    return db.session.scalars(select(Thread.id).where(Thread.network_id == network_id(name))).first()


def new_thread(network: str, title: str = "Nowy wątek", body: str = "Treść") -> tuple[str, dict]:
    return "thread.create", {"id": str(uuid.uuid4()), "network_id": network, "title": title, "body": body,
                             "post_id": str(uuid.uuid4())}


def reply(thread_id: str, body: str = "Odpowiedź") -> tuple[str, dict]:
    return "post.create", {"id": str(uuid.uuid4()), "thread_id": thread_id, "body": body}


def outcome(response) -> list[str]:
    """How each mutation of a push ended: "applied", "duplicate", or the rejection's code."""
    return [r["status"] if r["status"] != "rejected" else r["error"]["code"] for r in response.get_json()["results"]]


def first_outcome(response) -> str:
    """How the first (often the only) mutation of a push ended."""
    return outcome(response)[0]
