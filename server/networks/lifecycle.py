"""A network's year: its settings, coordinator handover, archive, and continuing next year."""
from __future__ import annotations

from sqlalchemy import select
from sync import Rejected
from sync.context import MutationContext

from server.accounts import audit
from server.accounts.models import User
from server.db import utcnow
from server.hooks import Hook
from server.mailqueue.services import queue
from server.networks import emails, publish, rights
from server.networks.membership import activate
from server.networks.models import Membership, Network
from server.networks.years import following, school_year

EDITABLE = ("name", "topic", "description", "recruitment", "capacity")
# A new network written, in its mutation: ``fn(ctx, network)`` (the forum adds its default categories).
established = Hook("a network set up")


def establish(ctx: MutationContext, net: Network) -> None:
    """A new network's row, written at once (memberships refer to it), with what other domains
    set up for it (the forum's default categories). Publishing the network itself is left to the caller."""
    ctx.add(net)
    ctx.session.flush()
    established(ctx, net)


def update(ctx: MutationContext, args: dict) -> None:
    net = rights.writable(rights.require_manager(ctx, str(args["id"])))
    changes = {k: args[k] for k in EDITABLE if k in args}
    for key, value in changes.items():
        setattr(net, key, value)
    publish.network(ctx, net)


def set_coordinator(ctx: MutationContext, args: dict) -> None:
    """Hand the network over: the new coordinator is a Poradnia employee; the old ones stay as members."""
    net = rights.writable(rights.require_manager(ctx, str(args["network_id"])))
    successor = ctx.session.get(User, str(args["user_id"]))
    if successor is None or not successor.is_staff:
        raise Rejected("invalid", "Koordynatorem może być tylko pracownik poradni.",
                       {"user_id": ["Wybierz pracownika poradni."]})
    previous = ctx.session.scalars(
        select(Membership).where(Membership.network_id == net.id, Membership.role == "coordinator",
                                 Membership.status == "active", Membership.user_id != successor.id)
    ).all()
    activate(ctx, net, successor.id, "coordinator")
    for m in previous:
        m.role = "member"
        publish.membership(ctx, m)
    queue(ctx, emails.coordination_given(successor, net))
    audit.record(ctx, "network.coordinator", successor.id, network_id=net.id)


def archive(ctx: MutationContext, args: dict) -> None:
    net = rights.writable(rights.require_manager(ctx, str(args["network_id"])))
    net.status = "archived"
    publish.network(ctx, net)


def continue_(ctx: MutationContext, args: dict) -> None:
    """A new network year: same settings, the coordinators carried over; members confirm by joining."""
    old = rights.require_manager(ctx, str(args["network_id"]))
    if ctx.session.scalars(select(Network.id).where(Network.previous_id == old.id)).first():
        raise Rejected("conflict", "Ta sieć ma już kontynuację w nowym roku szkolnym.")
    year = args["school_year"] or (following(old.school_year) if old.school_year else school_year(utcnow().date()))
    new = Network(
        id=str(args["id"]), name=old.name, kind=old.kind, topic=old.topic, recruitment=old.recruitment,
        description=old.description, school_year=year, capacity=old.capacity, status="active",
        previous_id=old.id, created_at=utcnow(),
    )
    coordinators = ctx.session.scalars(
        select(Membership.user_id).where(Membership.network_id == old.id, Membership.role == "coordinator",
                                         Membership.status == "active")
    ).all()
    establish(ctx, new)
    for user_id in coordinators:
        activate(ctx, new, user_id, "coordinator")
    if old.status != "archived":
        old.status = "archived"
    publish.network(ctx, old)
    publish.network(ctx, new)
