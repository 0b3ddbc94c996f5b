"""Who may do what with a network's surveys (docs/roles.md), on top of networks/rights.py."""
from __future__ import annotations

from sync import Rejected
from sync.context import MutationContext

from server.networks import rights
from server.networks.models import Membership, Network
from server.surveys.models import Survey

ANSWERERS = ("coordinator", "member")  # a guest expert is not asked what the network needs


def survey(ctx: MutationContext, survey_id: str, lock: bool = False) -> Survey:
    found = ctx.session.get(Survey, survey_id, with_for_update=lock)
    if found is None:
        raise Rejected("not_found", "Nie ma takiej ankiety.")
    return found


def require_manager(ctx: MutationContext, network_id: str) -> Network:
    """Builds and closes surveys: the network's coordinator, or an administrator; not when archived."""
    return rights.writable(rights.require_manager(ctx, network_id))


def require_answerer(ctx: MutationContext, network_id: str) -> Membership:
    m = rights.require_reader(ctx, network_id)
    rights.writable(rights.network(ctx, network_id))
    if m.role not in ANSWERERS:
        raise Rejected("forbidden", "Ankietę wypełniają członkowie sieci.")
    return m

