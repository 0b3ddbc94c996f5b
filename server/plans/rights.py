"""Who may do what with a network's plan (docs/roles.md), on top of networks/rights.py.

The coordinator (or a Poradnia administrator, who manages every network) writes and sends it;
a Poradnia employee with the right to approve plans — every administrator, and staff an
administrator named (`plan_approver.set`) — approves or returns it, but never a coordinator of
that network, nor whoever sent it. A task's progress is ticked by the coordinator or by the
task's owner, also after approval.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sync import Rejected
from sync.context import MutationContext

from server.accounts.models import User
from server.networks import rights
from server.networks.models import Membership, Network
from server.plans.models import Plan, PlanApprover, PlanTask, PlanVersion

OWNERS = ("coordinator", "member")  # who may own a task: the network's own people, not a guest expert
NOT_DRAFT = "Ta wersja planu została już wysłana do zatwierdzenia: zmienić ją można tylko w nowej wersji."
OWN_PLAN = "Plan sieci zatwierdza pracownik poradni spoza niej — nie jej koordynator."
OWN_SUBMISSION = "Nie można zatwierdzić planu, który samemu się wysłało."
NO_RIGHT = "Plany pracy zatwierdzają administratorzy poradni i osoby, którym nadali to prawo."


def may_approve(session: Session, user: User | None) -> bool:
    if user is None or not user.is_staff:
        return False
    if user.is_admin:
        return True
    granted = session.get(PlanApprover, user.id)
    return granted is not None and granted.allowed


def version(ctx: MutationContext, version_id: str, lock: bool = False) -> tuple[PlanVersion, Plan]:
    found = ctx.session.get(PlanVersion, version_id, with_for_update=lock)
    if found is None:
        raise Rejected("not_found", "Nie ma takiej wersji planu.")
    return found, ctx.session.get(Plan, found.plan_id, with_for_update=lock)


def task(ctx: MutationContext, task_id: str) -> PlanTask:
    found = ctx.session.get(PlanTask, task_id, with_for_update=True)
    if found is None:
        raise Rejected("not_found", "Nie ma takiego zadania.")
    return found


def require_manager(ctx: MutationContext, network_id: str) -> Network:
    return rights.writable(rights.require_manager(ctx, network_id))


def require_draft(v: PlanVersion) -> PlanVersion:
    if v.status != "draft":
        raise Rejected("not_draft", NOT_DRAFT)
    return v


def require_approver(ctx: MutationContext, v: PlanVersion) -> None:
    rights.writable(rights.network(ctx, v.network_id))
    if not may_approve(ctx.session, rights.actor(ctx)):
        raise Rejected("forbidden", NO_RIGHT)
    m = rights.membership(ctx, v.network_id)
    if m is not None and m.role == "coordinator" and m.status == "active":
        raise Rejected("forbidden", OWN_PLAN)
    if v.submitted_by == ctx.user_id:
        raise Rejected("forbidden", OWN_SUBMISSION)


def require_owner_in_network(ctx: MutationContext, network_id: str, owner_id: str | None) -> None:
    if owner_id is None:
        return
    m = rights.membership(ctx, network_id, owner_id)
    if not rights.is_active(m) or m.role not in OWNERS:
        raise Rejected("invalid", "Niepoprawne dane.",
                       {"owner_id": ["Zadanie może prowadzić tylko członek tej sieci."]})


def require_progress_right(ctx: MutationContext, t: PlanTask) -> None:
    """The coordinator (or an admin) or the task's owner, while she is in the network."""
    rights.writable(rights.network(ctx, t.network_id))
    if rights.is_manager(ctx, t.network_id):
        return
    if t.owner_id == ctx.user_id and rights.is_active(rights.membership(ctx, t.network_id)):
        return
    raise Rejected("forbidden", "Stan zadania zmienia koordynator sieci albo osoba, która je prowadzi.")


def coordinators(session: Session, network_id: str) -> list[str]:
    return list(session.scalars(select(Membership.user_id).where(
        Membership.network_id == network_id, Membership.role == "coordinator", Membership.status == "active")))
