"""Who may read and edit a network's documents (docs/roles.md): its active members read,
coordinators and members edit, experts read only, and an archived network's are read-only.

Document ids: ``plan:<network_id>``, ``notes:<network_id>:<notes_id>``, ``minutes:<meeting_id>``
(UUIDs in their lower-case spelling: one document, one id).
"""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.meetings.models import Meeting
from server.networks.models import Membership, Network
from server.networks.rights import WRITERS, is_active


def is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def network_access(session: Session, user_id: str, network_id: str | None) -> str | None:
    """"edit", "read", or None for someone outside it (or no such network)."""
    if network_id is None:
        return None
    m = session.scalars(select(Membership).where(
        Membership.network_id == network_id, Membership.user_id == user_id)).first()
    if not is_active(m):
        return None
    net = session.get(Network, network_id)
    if net is None:
        return None
    return "edit" if m.role in WRITERS and net.status != "archived" else "read"


def network_of(session: Session, doc_id: str) -> str | None:
    """The network a (well-formed) document id belongs to."""
    kind, _, rest = doc_id.partition(":")
    if kind == "plan":
        return rest
    if kind == "notes":
        return rest.split(":", 1)[0]
    if kind == "minutes":
        return session.scalar(select(Meeting.network_id).where(Meeting.id == rest))
    return None


def can_read(session: Session, user_id: str, doc_id: str) -> bool:
    return network_access(session, user_id, network_of(session, doc_id)) is not None


def can_edit(session: Session, user_id: str, doc_id: str) -> bool:
    return network_access(session, user_id, network_of(session, doc_id)) == "edit"


def valid_notes(rest: str) -> bool:
    network_id, _, notes_id = rest.partition(":")
    return is_uuid(network_id) and is_uuid(notes_id)
