"""Who may do what in a network: with accounts/rights.py (staff, admins), where docs/roles.md is enforced."""
from __future__ import annotations

from sqlalchemy import select
from sync import Rejected
from sync.context import MutationContext

from server.accounts.rights import actor, require_admin, require_staff  # noqa: F401 (the Poradnia's rights, here too)
from server.db import utcnow
from server.networks.models import Membership, Network

WRITERS = ("coordinator", "member")  # may start threads; experts only reply


def membership(ctx: MutationContext, network_id: str, user_id: str | None = None) -> Membership | None:
    """A user's membership row in a network (any status), remembered for the batch."""
    user_id = user_id or ctx.user_id
    key = ("membership", user_id, network_id)
    if key not in ctx.memo:
        ctx.memo[key] = ctx.session.scalars(
            select(Membership).where(Membership.network_id == network_id, Membership.user_id == user_id)
        ).first()
    return ctx.memo[key]


def is_active(m: Membership | None) -> bool:
    """Active, and for a guest expert not past her end date."""
    return m is not None and m.status == "active" and (m.expires_at is None or m.expires_at > utcnow())


def active_members(ctx: MutationContext, network_id: str) -> set[str]:
    """Who may hear of the network now: active members (experts until their last day)."""
    key = ("members", network_id)
    if key not in ctx.memo:
        rows = ctx.session.scalars(
            select(Membership).where(Membership.network_id == network_id, Membership.status == "active")
        ).all()
        ctx.memo[key] = {m.user_id for m in rows if is_active(m)}
    return ctx.memo[key]


def members_among(ctx: MutationContext, network_id: str, user_ids: list) -> list[str]:
    """Mentioned people who are in the network; anyone else is quietly left out of the list."""
    wanted = {str(u) for u in user_ids} - {ctx.user_id}
    if not wanted:
        return []
    return sorted(wanted & active_members(ctx, network_id))


def network(ctx: MutationContext, network_id: str) -> Network:
    found = ctx.get(Network, network_id)
    if found is None:
        raise Rejected("not_found", "Nie ma takiej sieci.")
    return found


def writable(net: Network) -> Network:
    if net.status == "archived":
        raise Rejected("archived", "Sieć jest w archiwum: można ją czytać, ale nie zmieniać.")
    return net


def is_manager(ctx: MutationContext, network_id: str) -> bool:
    """The network's coordinator, or a Poradnia administrator."""
    m = membership(ctx, network_id)
    user = actor(ctx)
    return (is_active(m) and m.role == "coordinator") or (user.is_staff and user.is_admin)


def require_manager(ctx: MutationContext, network_id: str) -> Network:
    net = network(ctx, network_id)
    if not is_manager(ctx, network_id):
        raise Rejected("forbidden", "To może zrobić tylko koordynator sieci.")
    return net


def require_reader(ctx: MutationContext, network_id: str) -> Membership:
    m = membership(ctx, network_id)
    if not is_active(m):
        network(ctx, network_id)
        raise Rejected("forbidden", "Tylko członkowie sieci mogą tu pisać.")
    return m


def _require_writer(ctx: MutationContext, network_id: str, refusal_message: str) -> None:
    """An active coordinator or member of a network that is not archived; an expert is refused."""
    m = require_reader(ctx, network_id)
    writable(network(ctx, network_id))
    if m.role not in WRITERS:
        raise Rejected("forbidden", refusal_message)


def require_thread_starter(ctx: MutationContext, network_id: str) -> None:
    _require_writer(ctx, network_id, "Ekspert może odpowiadać w wątkach, ale nie zakłada nowych.")


def require_replier(ctx: MutationContext, network_id: str) -> None:
    require_reader(ctx, network_id)
    writable(network(ctx, network_id))


def require_library_writer(ctx: MutationContext, network_id: str) -> None:
    """Adds good practices: coordinators and members; an expert shares hers in a reply."""
    _require_writer(ctx, network_id, "Ekspert nie może dodawać dobrych praktyk do biblioteki; "
                                     "swoją może opisać w odpowiedzi w wątku.")


def require_author_or_coordinator(ctx: MutationContext, network_id: str, author_id: str) -> None:
    """Changes a good practice: its author, or the network's coordinator, while in the network."""
    m = require_reader(ctx, network_id)
    writable(network(ctx, network_id))
    if author_id != ctx.user_id and m.role != "coordinator":
        raise Rejected("forbidden", "Zmieniać to może tylko autor albo koordynator sieci.")
