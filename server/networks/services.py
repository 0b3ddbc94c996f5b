"""Creating networks and memberships (server-side for now; mutations come with recruitment)."""
from __future__ import annotations

from sqlalchemy import select
from sync.context import MutationContext

from server.accounts.models import User
from server.networks.models import Membership, Network
from server.scopes import CATALOG, network_scope, user_scope


def create_network(ctx: MutationContext, *, name: str, kind: str, recruitment: str, description: str = "") -> Network:
    network = Network(name=name, kind=kind, recruitment=recruitment, description=description)
    ctx.add(network)
    ctx.session.flush()  # the id is needed by the memberships made next
    ctx.put("network", network, [CATALOG])
    return network


def add_member(ctx: MutationContext, network: Network, user: User, role: str = "member") -> Membership:
    membership = Membership(network_id=network.id, user_id=user.id, role=role, status="active")
    ctx.add(membership)
    ctx.session.flush()
    ctx.put("membership", membership, [user_scope(user.id)])
    # Members see each other's names; she sees her own everywhere.
    ctx.put("user", user, [network_scope(network.id), user_scope(user.id)])
    return membership


def active_membership(ctx: MutationContext, network_id: str) -> Membership | None:
    """The acting user's active membership in a network, remembered for the batch."""
    key = ("membership", ctx.user_id, network_id)
    if key not in ctx.memo:
        ctx.memo[key] = ctx.session.scalars(
            select(Membership).where(
                Membership.network_id == network_id,
                Membership.user_id == ctx.user_id,
                Membership.status == "active",
            )
        ).first()
    return ctx.memo[key]
