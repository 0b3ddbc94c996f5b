"""Joining, inviting, deciding, leaving and removing: who belongs to a network."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, time, timedelta, timezone

from flask import current_app
from sqlalchemy import func, select
from sync import Rejected
from sync.context import MutationContext

from server.accounts import audit
from server.accounts.models import User
from server.db import new_id, utcnow
from server.hooks import Hook
from server.mailqueue.services import queue
from server.networks import emails, publish, rights
from server.networks.models import Invitation, Membership, Network
from server.scopes import network_scope

INVITATION_DAYS = 14
# After the commit of a membership that gives or takes a network's access:
# ``fn(user_id, scope, allowed)`` (syncing moves her open connections in or out of the room).
access_changed = Hook("a network's access given or taken, committed")
# ``fn(session, school_id) -> "name, town" | None``: her school as a letter names it (org knows schools).
school_named = Hook("a school's name and town, by its id")


def _active_count(ctx: MutationContext, network_id: str) -> int:
    return ctx.session.scalar(
        select(func.count()).where(Membership.network_id == network_id, Membership.status == "active")
    )


def _room_follows(ctx: MutationContext, m: Membership) -> None:
    """Her open apps start or stop getting this network's pokes right after the commit."""
    allowed = rights.is_active(m)
    ctx.on_commit(lambda: access_changed(m.user_id, network_scope(m.network_id), allowed))


def _check_room(ctx: MutationContext, net: Network) -> None:
    if net.capacity is not None and _active_count(ctx, net.id) >= net.capacity:
        raise Rejected("full", f"Sieć ma komplet uczestników ({net.capacity}).")


def activate(ctx: MutationContext, net: Network, user_id: str, role: str, expires_at: datetime | None = None) -> Membership:
    """Make (or renew) an active membership; callers have checked rights and capacity."""
    now = utcnow()
    m = rights.membership(ctx, net.id, user_id)
    if m is None:
        m = Membership(network_id=net.id, user_id=user_id, created_at=now)
    m.role, m.status, m.expires_at, m.decided_at = role, "active", expires_at, now
    publish.membership(ctx, m)
    _room_follows(ctx, m)
    return m


def join(ctx: MutationContext, args: dict) -> None:
    net = rights.writable(rights.network(ctx, str(args["network_id"])))
    m = rights.membership(ctx, net.id)
    if rights.is_active(m):
        raise Rejected("conflict", "Już należysz do tej sieci.")
    if m is not None and m.status == "pending":
        raise Rejected("conflict", "Twoja prośba czeka na decyzję koordynatora.")
    if m is not None and m.status == "removed":
        raise Rejected("forbidden", "Koordynator usunął Cię z tej sieci. Skontaktuj się z nim, aby wrócić.")
    carried_over = net.previous_id is not None and rights.is_active(rights.membership(ctx, net.previous_id))
    if net.recruitment == "open" or carried_over:
        _check_room(ctx, net)
        activate(ctx, net, ctx.user_id, "member")
        return
    now = utcnow()
    m = m or Membership(network_id=net.id, user_id=ctx.user_id, created_at=now)
    m.role, m.status, m.decided_at, m.message = "member", "pending", None, args["message"] or None
    publish.membership(ctx, m)
    member = rights.actor(ctx)
    school = next(iter(school_named(ctx.session, member.school_id)), None) if member.school_id else None
    for coordinator in _coordinators(ctx, net.id):
        queue(ctx, emails.join_requested(coordinator, member, net, school, m.message))


def _coordinators(ctx: MutationContext, network_id: str) -> list[User]:
    return list(
        ctx.session.scalars(
            select(User).join(Membership, Membership.user_id == User.id).where(
                Membership.network_id == network_id, Membership.role == "coordinator", Membership.status == "active"
            )
        )
    )


def _pending_of(ctx: MutationContext, args: dict) -> tuple[Network, Membership]:
    net = rights.writable(rights.require_manager(ctx, str(args["network_id"])))
    m = rights.membership(ctx, net.id, str(args["user_id"]))
    if m is None or m.status != "pending":
        raise Rejected("not_found", "Ta osoba nie czeka na przyjęcie.")
    return net, m


def approve(ctx: MutationContext, args: dict) -> None:
    net, m = _pending_of(ctx, args)
    _check_room(ctx, net)
    activate(ctx, net, m.user_id, "member")
    queue(ctx, emails.membership_decided(ctx.session.get(User, m.user_id), net, approved=True))


def decline(ctx: MutationContext, args: dict) -> None:
    net, m = _pending_of(ctx, args)
    m.status, m.decided_at = "declined", utcnow()
    publish.membership(ctx, m)
    queue(ctx, emails.membership_decided(ctx.session.get(User, m.user_id), net, approved=False))


def _live_invitation(ctx: MutationContext, network_id: str, email: str) -> Invitation | None:
    return ctx.session.scalars(
        select(Invitation).where(Invitation.network_id == network_id, Invitation.email == email,
                                 Invitation.accepted_at.is_(None), Invitation.expires_at > utcnow())
    ).first()


def invite(ctx: MutationContext, args: dict) -> None:
    """One live invitation per address: a second letter only when she says so (`resend`),
    and then the new link replaces the old one, which stops working."""
    net = rights.writable(rights.require_manager(ctx, str(args["network_id"])))
    invitee = ctx.session.scalars(select(User).where(User.email == args["email"])).first()
    if invitee is not None and rights.is_active(rights.membership(ctx, net.id, invitee.id)):
        raise Rejected("conflict", "Ta osoba już należy do sieci.", {"email": ["Już jest członkiem."]})
    until = args["until"]
    if args["role"] == "expert" and until is None:
        raise Rejected("invalid", "Podaj, do kiedy ekspert ma dostęp.", {"until": ["Wymagane dla eksperta."]})
    if until is not None and until < utcnow().date():
        raise Rejected("invalid", "Data nie może być w przeszłości.", {"until": ["Data w przeszłości."]})
    earlier = _live_invitation(ctx, net.id, args["email"])
    if earlier is not None and not args["resend"]:
        raise Rejected("conflict", f"Zaproszenie na adres {args['email']} już wysłano i czeka na przyjęcie.",
                       {"email": ["Zaproszenie już wysłano."]})
    now = utcnow()
    if earlier is not None:
        earlier.expires_at = now  # its link is replaced by the new letter's
        publish.invitation(ctx, earlier)
    token = secrets.token_urlsafe(32)
    publish.invitation(
        ctx,
        Invitation(
            id=new_id(),
            network_id=net.id,
            email=args["email"],
            role=args["role"],
            expert_until=_end_of(until) if until else None,
            token_hash=hash_token(token),
            invited_by=ctx.user_id,
            created_at=now,
            expires_at=now + timedelta(days=INVITATION_DAYS),
        ),
    )
    url = f"{current_app.config['BASE_URL']}/auth/invite/{token}"
    # In her language when she has an account; an address with none reads Polish.
    lang = ctx.session.scalar(select(User.lang).where(User.email == args["email"].lower())) or "pl"
    queue(ctx, emails.invitation(args["email"], rights.actor(ctx), net, url, args["role"], again=earlier is not None,
                                 lang=lang))


def _end_of(day) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=timezone.utc)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def leave(ctx: MutationContext, args: dict) -> None:
    net = rights.network(ctx, str(args["network_id"]))
    m = rights.membership(ctx, net.id)
    if m is None or m.status not in ("active", "pending"):
        raise Rejected("not_found", "Nie należysz do tej sieci.")
    if m.role == "coordinator" and m.status == "active":
        raise Rejected("forbidden", "Koordynator przekazuje najpierw koordynację innemu pracownikowi poradni.")
    m.status, m.decided_at = "left", utcnow()
    publish.membership(ctx, m)
    _room_follows(ctx, m)


def remove(ctx: MutationContext, args: dict) -> None:
    net = rights.writable(rights.require_manager(ctx, str(args["network_id"])))
    m = rights.membership(ctx, net.id, str(args["user_id"]))
    if m is None or m.status not in ("active", "pending"):
        raise Rejected("not_found", "Ta osoba nie należy do sieci.")
    if m.role == "coordinator":
        raise Rejected("forbidden", "Koordynatora nie można usunąć: najpierw przekaż koordynację.")
    m.status, m.decided_at = "removed", utcnow()
    publish.membership(ctx, m)
    _room_follows(ctx, m)
    audit.record(ctx, "membership.removed", m.user_id, network_id=net.id)
