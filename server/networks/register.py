"""Networks on devices: the catalogue for all, memberships for their owner, and who sees what."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sync import Registry

from server.networks.models import Membership, Network
from server.scopes import CATALOG, network_scope, user_scope


def serialize_network(network: Network) -> dict:
    return {
        "id": network.id,
        "name": network.name,
        "kind": network.kind,
        "recruitment": network.recruitment,
        "description": network.description,
    }


def serialize_membership(m: Membership) -> dict:
    return {"id": m.id, "network_id": m.network_id, "user_id": m.user_id, "role": m.role, "status": m.status}


def visible_scopes(session: Session, user_id: str) -> set[str]:
    """Everyone sees the catalogue and her own rows; active members see their networks."""
    network_ids = session.scalars(
        select(Membership.network_id).where(Membership.user_id == user_id, Membership.status == "active")
    )
    return {CATALOG, user_scope(user_id)} | {network_scope(n) for n in network_ids}


def register(registry: Registry) -> None:
    registry.row_type("network", serialize_network)
    registry.row_type("membership", serialize_membership)
    registry.visibility(visible_scopes)
