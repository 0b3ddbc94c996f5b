"""Where plan rows go: the one place that knows their scopes.

A plan, its versions and tasks are the network's (its members and guest experts read them)
and the administrators'; once it has been sent for approval, also every approver's
(`plan_approvers`, the scope of whoever may approve plans), who sees the plans of all networks.
Every put names all of a row's scopes, so no copy is left stale.
"""
from __future__ import annotations

from sync.context import MutationContext

from server.plans.models import Plan, PlanApprover, PlanTask, PlanVersion
from server.scopes import ADMINS, STAFF, network_scope

APPROVERS = "plan_approvers"


def scopes(plan: Plan) -> list[str]:
    return [network_scope(plan.network_id), ADMINS, *([APPROVERS] if plan.shared else [])]


def plan(ctx: MutationContext, p: Plan) -> None:
    ctx.put("plan", p, scopes(p))


def version(ctx: MutationContext, p: Plan, v: PlanVersion) -> None:
    ctx.put("plan_version", v, scopes(p))


def task(ctx: MutationContext, p: Plan, t: PlanTask) -> None:
    ctx.put("plan_task", t, scopes(p))


def task_removed(ctx: MutationContext, p: Plan, task_id: str) -> None:
    ctx.delete("plan_task", task_id, scopes(p))


def approver(ctx: MutationContext, a: PlanApprover) -> None:
    ctx.put("plan_approver", a, [STAFF])
