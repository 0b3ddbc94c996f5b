"""What Poradnia staff see at a glance: the request queue, networks, members, schools."""
from __future__ import annotations

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from server.accounts.models import User
from server.networks.models import Membership, Network, NetworkRequest
from server.org.models import School


def summary(session: Session) -> dict:
    requests = dict(session.execute(select(NetworkRequest.status, func.count()).group_by(NetworkRequest.status)).all())
    by_status = (
        select(Membership.network_id, Membership.status, func.count().label("n"))
        .group_by(Membership.network_id, Membership.status)
    )
    counts: dict[str, dict[str, int]] = {}
    for network_id, status, n in session.execute(by_status):
        counts.setdefault(network_id, {})[status] = n
    school_counts = dict(
        session.execute(
            select(Membership.network_id, func.count(distinct(User.school_id)))
            .join(User, User.id == Membership.user_id)
            .where(Membership.status == "active", User.school_id.is_not(None))
            .group_by(Membership.network_id)
        ).all()
    )
    networks = [
        {
            "id": n.id,
            "name": n.name,
            "kind": n.kind,
            "status": n.status,
            "recruitment": n.recruitment,
            "school_year": n.school_year,
            "capacity": n.capacity,
            "members": counts.get(n.id, {}).get("active", 0),
            "pending": counts.get(n.id, {}).get("pending", 0),
            "schools": school_counts.get(n.id, 0),
        }
        for n in session.scalars(select(Network).order_by(Network.status, Network.name))
    ]
    by_kind: dict[str, dict[str, int]] = {}
    for n in networks:
        by_kind.setdefault(n["kind"], {}).setdefault(n["status"], 0)
        by_kind[n["kind"]][n["status"]] += 1
    schools = [
        {"id": school_id, "name": name, "town": town, "members": members}
        for school_id, name, town, members in session.execute(
            select(School.id, School.name, School.town, func.count(distinct(User.id)))
            .join(User, User.school_id == School.id)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.status == "active")
            .group_by(School.id, School.name, School.town)
            .order_by(School.town, School.name)
        )
    ]
    return {
        "requests": {s: requests.get(s, 0) for s in ("pending", "approved", "rejected")},
        "networks": networks,
        "by_kind": by_kind,
        "schools": schools,
    }
