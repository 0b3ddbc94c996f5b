"""What networks tell the engine: the catalogue for all, memberships, requests on devices; who
sees what; the network mutators; and the scopes of a person's row (for accounts)."""
from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, object_session
from sync import Registry

from server.accounts import contacts, profile
from server.accounts import publish as people
from server.accounts.models import User
from server.db import iso, utcnow
from server.networks import invitations, lifecycle, membership, publish, requests, schemas
from server.networks.models import Invitation, Membership, Network, NetworkRequest
from server.scopes import ADMINS, CATALOG, STAFF, managers_scope, network_scope, user_scope


def serialize_network(network: Network) -> dict:
    session = object_session(network)
    counts = dict(
        session.execute(
            select(Membership.status, func.count()).where(Membership.network_id == network.id).group_by(Membership.status)
        ).all()
    )
    coordinators = session.execute(
        select(Membership.user_id, User.name).join(User, User.id == Membership.user_id).where(
            Membership.network_id == network.id, Membership.role == "coordinator", Membership.status == "active"
        )
    ).all()
    return {
        "id": network.id,
        "name": network.name,
        "kind": network.kind,
        "topic": network.topic,
        "recruitment": network.recruitment,
        "description": network.description,
        "school_year": network.school_year,
        "capacity": network.capacity,
        "status": network.status,
        "previous_id": network.previous_id,
        "coordinator_ids": sorted(user_id for user_id, _name in coordinators),
        # For someone outside it, asking whether to join: who leads it.
        "coordinator_names": sorted(name for _user_id, name in coordinators),
        "member_count": counts.get("active", 0),
        "created_at": iso(network.created_at),
    }


def serialize_membership(m: Membership) -> dict:
    return {
        "id": m.id,
        "network_id": m.network_id,
        "user_id": m.user_id,
        "role": m.role,
        "status": m.status,
        "expires_at": iso(m.expires_at),
        "created_at": iso(m.created_at),
    }


def serialize_join_request(m: Membership) -> dict:
    """A request to join as those who decide see it: her school from her profile, her words."""
    user = object_session(m).get(User, m.user_id)
    return {
        "id": m.id,
        "network_id": m.network_id,
        "user_id": m.user_id,
        "status": m.status,
        "school_id": user.school_id if user else None,
        "message": m.message or "",
        "created_at": iso(m.created_at),
    }


def serialize_request(r: NetworkRequest) -> dict:
    requester = object_session(r).get(User, r.requester_id)
    return {
        "id": r.id,
        "requester_id": r.requester_id,
        "requester_name": requester.name if requester else "",
        "name": r.name,
        "kind": r.kind,
        "topic": r.topic,
        "justification": r.justification,
        "recruitment": r.recruitment,
        "expected_members": r.expected_members,
        "status": r.status,
        "reason": r.reason,
        "network_id": r.network_id,
        "created_at": iso(r.created_at),
        "decided_at": iso(r.decided_at),
    }


def serialize_invitation(inv: Invitation) -> dict:
    """Without its token: the link is only ever in the letter."""
    return {
        "id": inv.id,
        "network_id": inv.network_id,
        "email": inv.email,
        "role": inv.role,
        "expert_until": iso(inv.expert_until),
        "invited_by": inv.invited_by,
        "created_at": iso(inv.created_at),
        "expires_at": iso(inv.expires_at),
        "accepted_at": iso(inv.accepted_at),
    }


def visible_scopes(session: Session, user_id: str) -> set[str]:
    """Everyone: the catalogue and her own rows; active members (experts until their end
    date): their networks; coordinators: their networks' managers scope too; Poradnia
    staff: the staff scope; its administrators: the admins scope."""
    memberships = session.execute(
        select(Membership.network_id, Membership.role).where(
            Membership.user_id == user_id,
            Membership.status == "active",
            or_(Membership.expires_at.is_(None), Membership.expires_at > utcnow()),
        )
    ).all()
    scopes = {CATALOG, user_scope(user_id)} | {network_scope(n) for n, _role in memberships}
    scopes |= {managers_scope(n) for n, role in memberships if role == "coordinator"}
    staff = session.execute(select(User.is_staff, User.is_admin).where(User.id == user_id)).first()
    if staff and staff.is_staff:
        scopes.add(STAFF)
        if staff.is_admin:
            scopes.add(ADMINS)
    return scopes


def register(registry: Registry) -> None:
    registry.row_type("network", serialize_network)
    registry.row_type("membership", serialize_membership)
    registry.row_type("network_request", serialize_request)
    registry.row_type("invitation", serialize_invitation)
    registry.row_type("join_request", serialize_join_request)
    registry.visibility(visible_scopes)
    registry.mutator("network_request.create", schemas.RequestCreate())(requests.create)
    registry.mutator("network_request.approve", schemas.RequestApprove())(requests.approve)
    registry.mutator("network_request.reject", schemas.RequestReject())(requests.reject)
    registry.mutator("network_request.confirm", schemas.RequestConfirm())(requests.confirm)
    registry.mutator("membership.join", schemas.JoinNetwork())(membership.join)
    registry.mutator("membership.approve", schemas.MemberRef())(membership.approve)
    registry.mutator("membership.decline", schemas.MemberRef())(membership.decline)
    registry.mutator("membership.invite", schemas.Invite())(membership.invite)
    registry.mutator("membership.leave", schemas.NetworkRef())(membership.leave)
    registry.mutator("membership.remove", schemas.MemberRef())(membership.remove)
    registry.mutator("network.update", schemas.NetworkUpdate())(lifecycle.update)
    registry.mutator("network.set_coordinator", schemas.MemberRef())(lifecycle.set_coordinator)
    registry.mutator("network.archive", schemas.NetworkRef())(lifecycle.archive)
    registry.mutator("network.continue", schemas.NetworkContinue())(lifecycle.continue_)
    registry.mutator("invitation.accept", schemas.InvitationAccept())(invitations.accept)
    people.scopes_of_person.connect(publish.member_scopes)
    contacts.contact_scopes.connect(publish.active_scopes)
    profile.changed.connect(publish.coordinator_renamed)
