"""Who may do what with a network's meetings (docs/roles.md), on top of networks/rights.py."""
from __future__ import annotations

from sync import Rejected
from sync.context import MutationContext

from server.meetings.models import Meeting
from server.networks import rights
from server.networks.models import Membership, Network

CANCELLED = "To spotkanie zostało odwołane."


def meeting(ctx: MutationContext, meeting_id: str, lock: bool = False) -> Meeting:
    """The meeting, locked when the mutation changes it or writes what derives from it (the
    hours of attendance); an answer only reads it, so a network answering at once never queues."""
    found = ctx.session.get(Meeting, meeting_id, with_for_update=lock)
    if found is None:
        raise Rejected("not_found", "Nie ma takiego spotkania.")
    return found


def require_manager(ctx: MutationContext, network_id: str) -> Network:
    """Plans meetings and takes attendance: the network's coordinator, or an administrator;
    never in an archived network."""
    net = rights.require_manager(ctx, network_id)
    return rights.writable(net)


def require_participant(ctx: MutationContext, network_id: str) -> Membership:
    """Answers and checks herself in: anyone active in the network (an expert until her last day)."""
    m = rights.require_reader(ctx, network_id)
    rights.writable(rights.network(ctx, network_id))
    return m


def require_planned(m: Meeting) -> Meeting:
    if m.status == "cancelled":
        raise Rejected("cancelled", CANCELLED)
    return m
