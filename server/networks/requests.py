"""Asking the Poradnia for a network (also with no account, confirmed by an e-mailed link),
and the staff's decision."""
from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from marshmallow import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sync import Rejected
from sync.context import MutationContext

from server import mail
from server.accounts import audit
from server.accounts import publish as people
from server.accounts import services as accounts
from server.accounts.models import User
from server.db import utcnow
from server.mailqueue.services import kick, outgoing, queue
from server.networks import emails, publish, rights, schemas
from server.networks.lifecycle import establish
from server.networks.membership import hash_token
from server.networks.models import Membership, Network, NetworkRequest, PublicRequest
from server.networks.years import school_year

USED = "Ten link wygasł albo został już użyty. Złóż wniosek jeszcze raz."
PUBLIC_REQUEST_HOURS = 24
# Each request mails every member of staff: a few a day is more than anyone needs.
NETWORK_REQUESTS_PER_DAY = 3


def create(ctx: MutationContext, args: dict) -> None:
    requester = rights.actor(ctx)
    _within_daily_limit(ctx, requester.id)
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


def _within_daily_limit(ctx: MutationContext, requester_id: str) -> None:
    since = utcnow() - timedelta(hours=24)
    recent = ctx.session.scalar(
        select(func.count(NetworkRequest.id))
        .where(NetworkRequest.requester_id == requester_id, NetworkRequest.created_at > since)
    ) or 0
    if recent >= NETWORK_REQUESTS_PER_DAY:
        raise Rejected("too_many", f"Możesz złożyć najwyżej {NETWORK_REQUESTS_PER_DAY} wnioski o sieć na dobę. "
                                   "Kolejny złożysz jutro.")


def file_public(session: Session, data: dict, base_url: str) -> None:
    """A request from someone with no account (the form's loaded input): kept until she confirms
    her e-mail by the link sent to it; then her account and the request exist. (The route limits
    how many letters one address gets a day: server/ratelimits.py.)"""
    email = data["email"].lower()
    token = secrets.token_urlsafe(32)
    session.add(
        PublicRequest(email=email, name=data["name"], function=data["function"], payload=data["request"],
                      token_hash=hash_token(token), expires_at=utcnow() + timedelta(hours=PUBLIC_REQUEST_HOURS))
    )
    url = f"{base_url}/auth/confirm-request/{token}"
    session.add(outgoing(emails.public_request_confirm(email, data["name"], url, mail.request_lang(data.get("lang")))))
    session.commit()
    kick()


def find_public(session: Session, token: str, *, lock: bool = False) -> PublicRequest | None:
    """The request a confirmation link carries, while it is unused and unexpired."""
    query = select(PublicRequest).where(PublicRequest.token_hash == hash_token(token),
                                        PublicRequest.used_at.is_(None), PublicRequest.expires_at > utcnow())
    return session.scalars(query.with_for_update() if lock else query).first()


def confirm(ctx: MutationContext, args: dict) -> None:
    """The e-mailed link of a request made with no account: her account (made with the
    context's id, unless she has one by now), then the request as `network_request.create`.
    Opening the link changes nothing; its screen's button posts, and the route runs this."""
    pending = find_public(ctx.session, args["token"], lock=True)  # a second tap waits, then finds it used
    if pending is None:
        raise Rejected("link_invalid", USED)
    me = ctx.session.get(User, ctx.user_id)
    if me is None and accounts.find_user_by_email(ctx.session, pending.email) is not None:
        raise Rejected("forbidden", "Ten link jest dla innej osoby.")
    if me is not None and me.email != pending.email:
        raise Rejected("forbidden", "Ten link jest dla innego adresu e-mail.")
    try:
        request_args = schemas.RequestCreate().load(pending.payload | {"id": str(uuid.uuid4())})
    except ValidationError as exc:
        raise Rejected("invalid", "Wniosek jest niepełny. Złóż go jeszcze raz.", exc.normalized_messages())

    pending.used_at = utcnow()
    if me is None:
        me = accounts.create_user(ctx.session, pending.email, pending.name, user_id=ctx.user_id)
        me.function = pending.function
        people.person(ctx, me)
    create(ctx, request_args)


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
    audit.record(ctx, "network.coordinator", coordinator.id, network_id=network.id)


def reject(ctx: MutationContext, args: dict) -> None:
    rights.require_staff(ctx)
    req = _pending(ctx, str(args["id"]))
    req.status, req.reason, req.decided_by, req.decided_at = "rejected", args["reason"], ctx.user_id, utcnow()
    publish.request(ctx, req)
    queue(ctx, emails.request_rejected(ctx.session.get(User, req.requester_id), req))
