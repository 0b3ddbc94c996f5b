"""Asking the Poradnia for a network, and the staff's decision."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sync import Registry, Rejected
from sync.context import MutationContext

from server.accounts.models import User
from server.db import utcnow
from server.mailqueue.services import queue
from server.networks import emails, publish, rights, schemas
from server.networks.lifecycle import establish
from server.networks.models import Membership, Network, NetworkRequest
from server.networks.years import school_year


def create(ctx: MutationContext, args: dict) -> None:
    requester = rights.actor(ctx)
    req = NetworkRequest(
        id=str(args["id"]),
        requester_id=requester.id,
        name=args["name"],
        kind=args["kind"],
        topic=args["topic"],
        justification=args["justification"],
        recruitment=args["recruitment"],
        expected_members=args["expected_members"],
        status="pending",
        created_at=utcnow(),
    )
    publish.request(ctx, req)
    queue(ctx, emails.request_received(requester, req))
    for staff in ctx.session.scalars(select(User).where(User.is_staff.is_(True))):
        queue(ctx, emails.request_for_staff(staff, requester, req))


def _pending(ctx: MutationContext, request_id: str) -> NetworkRequest:
    req = ctx.session.get(NetworkRequest, request_id, with_for_update=True)
    if req is None:
        raise Rejected("not_found", "Nie ma takiego wniosku.")
    if req.status != "pending":
        raise Rejected("conflict", "Ten wniosek został już rozpatrzony.")
    return req


def approve(ctx: MutationContext, args: dict) -> None:
    rights.require_staff(ctx)
    req = _pending(ctx, str(args["id"]))
    coordinator = ctx.session.get(User, str(args["coordinator_id"]))
    if coordinator is None or not coordinator.is_staff:
        raise Rejected("invalid", "Koordynatorem może być tylko pracownik poradni.",
                       {"coordinator_id": ["Wybierz pracownika poradni."]})
    requester = ctx.session.get(User, req.requester_id)
    now = utcnow()
    network = Network(
        id=str(args["network_id"] or uuid.uuid4()),
        name=req.name,
        kind=req.kind,
        topic=req.topic,
        recruitment=req.recruitment,
        description=req.justification,
        school_year=school_year(now.date()),
        capacity=None,
        status="active",
        created_at=now,
    )
    establish(ctx, network)
    publish.membership(ctx, Membership(network_id=network.id, user_id=coordinator.id, role="coordinator",
                                       status="active", created_at=now, decided_at=now))
    if requester.id != coordinator.id:
        publish.membership(ctx, Membership(network_id=network.id, user_id=requester.id, role="member",
                                           status="active", created_at=now, decided_at=now))
    req.status, req.network_id, req.decided_by, req.decided_at = "approved", network.id, ctx.user_id, now
    publish.request(ctx, req)
    queue(ctx, emails.request_approved(requester, req, network, coordinator))
    if coordinator.id != ctx.user_id:
        queue(ctx, emails.coordination_given(coordinator, network))


def reject(ctx: MutationContext, args: dict) -> None:
    rights.require_staff(ctx)
    req = _pending(ctx, str(args["id"]))
    req.status, req.reason, req.decided_by, req.decided_at = "rejected", args["reason"], ctx.user_id, utcnow()
    publish.request(ctx, req)
    queue(ctx, emails.request_rejected(ctx.session.get(User, req.requester_id), req))


def register(registry: Registry) -> None:
    registry.mutator("network_request.create", schemas.RequestCreate())(create)
    registry.mutator("network_request.approve", schemas.RequestApprove())(approve)
    registry.mutator("network_request.reject", schemas.RequestReject())(reject)
