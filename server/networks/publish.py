"""Putting network rows where devices read them: one place knows each row's scopes."""
from __future__ import annotations

from sqlalchemy import or_, select
from sync.context import MutationContext

from server.accounts import publish as people
from server.accounts.models import User
from server.db import utcnow
from server.networks.models import Invitation, Membership, Network, NetworkRequest
from server.scopes import ADMINS, CATALOG, STAFF, managers_scope, network_scope, user_scope


def network(ctx: MutationContext, net: Network) -> None:
    ctx.put("network", net, [CATALOG])


def membership(ctx: MutationContext, m: Membership) -> None:
    """Her own row for her; every row for the network's members; counts in the catalogue."""
    ctx.put("membership", m, [user_scope(m.user_id), network_scope(m.network_id)])
    managers = [managers_scope(m.network_id), ADMINS]
    if m.status == "pending" or ctx.published(managers[0], "join_request", m.id):
        ctx.put("join_request", m, managers)  # her message, for those who decide, not for every member
    ctx.session.flush()  # the new membership counts among her networks below
    people.person(ctx, ctx.session.get(User, m.user_id))
    network(ctx, ctx.session.get(Network, m.network_id))
    ctx.memo[("membership", m.user_id, m.network_id)] = m


def member_scopes(ctx: MutationContext, user: User) -> list[str]:
    """Her row goes to every network she has a membership in (connected to accounts' `person`)."""
    networks = ctx.session.scalars(select(Membership.network_id).where(Membership.user_id == user.id)).all()
    return [network_scope(n) for n in networks]


def active_scopes(ctx: MutationContext, user: User) -> list[str]:
    """The networks she is active in now (an expert until her last day): where her shared
    e-mail address goes (connected to accounts' contacts)."""
    networks = ctx.session.scalars(select(Membership.network_id).where(
        Membership.user_id == user.id, Membership.status == "active",
        or_(Membership.expires_at.is_(None), Membership.expires_at > utcnow()))).all()
    return [network_scope(n) for n in networks]


def coordinator_renamed(ctx: MutationContext, user: User) -> None:
    """The catalogue names the coordinators: the networks she leads are published again."""
    led = ctx.session.scalars(
        select(Network).join(Membership, Membership.network_id == Network.id).where(
            Membership.user_id == user.id, Membership.role == "coordinator", Membership.status == "active"
        )
    ).all()
    for net in led:
        network(ctx, net)


def request(ctx: MutationContext, r: NetworkRequest) -> None:
    ctx.put("network_request", r, [user_scope(r.requester_id), STAFF])


def invitation(ctx: MutationContext, inv: Invitation) -> None:
    """To whoever manages the network: its coordinators and the Poradnia's administrators."""
    ctx.put("invitation", inv, [managers_scope(inv.network_id), ADMINS])
