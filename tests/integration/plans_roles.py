"""The plans' cells of docs/roles.md: what each action does for tests/integration/test_roles.py.
The staff member and the coordinator (staff too) are given the right to approve plans first,
so that the coordinator's refusal is for being the coordinator, not for lacking the right."""
from __future__ import annotations

import uuid

from tests.integration.meetings_helpers import outcome
from tests.integration.plans_helpers import YEAR, approved, made, run, submitted, task


def _approvers(w) -> None:
    for role in ("staff", "coordinator"):
        run(w.users["admin"], "plan_approver.set", {"user_id": w.users[role], "allowed": True})


def _decide(c, w, name: str, extra: dict) -> str:
    _approvers(w)
    return outcome(c, name, {"version_id": submitted(w.users["coordinator"], w.network_id), **extra})


def _approved(w):
    return approved(w.users["coordinator"], w.users["admin"], w.network_id, w.users["member"])


def _seen(c, w) -> str:
    version = made(w.users["coordinator"], w.network_id)
    return "applied" if version in c.rows("plan_version") else "forbidden"


def _waiting(c, w) -> str:
    _approvers(w)
    version = submitted(w.users["coordinator"], w.network_id)
    return "applied" if version in c.rows("plan_version") else "forbidden"


ACTIONS = {
    "`plan.create`": lambda c, w, r: outcome(c, "plan.create", {
        "id": str(uuid.uuid4()), "network_id": w.network_id, "school_year": YEAR}),
    "`plan.update` (a draft)": lambda c, w, r: outcome(c, "plan.update", {
        "version_id": made(w.users["coordinator"], w.network_id), "sections": {"outcomes": "Scenariusze lekcji."}}),
    "`plan.submit`": lambda c, w, r: outcome(c, "plan.submit", {
        "version_id": made(w.users["coordinator"], w.network_id)}),
    "`plan.approve` (staff given the right; the coordinator has it too)": lambda c, w, r: _decide(
        c, w, "plan.approve", {}),
    "`plan.return` (staff given the right; the coordinator has it too)": lambda c, w, r: _decide(
        c, w, "plan.return", {"comment": "Dopisz sposoby ewaluacji."}),
    "`plan.amend`": lambda c, w, r: outcome(c, "plan.amend", {"version_id": _approved(w)[0]}),
    "`plan.conclude` (the year's conclusions, in the approved plan)": lambda c, w, r: outcome(c, "plan.conclude", {
        "version_id": _approved(w)[0], "conclusions": "Sieć wypracowała zbiór scenariuszy lekcji."}),
    "`plan_task.create`": lambda c, w, r: outcome(c, "plan_task.create", {
        "id": str(uuid.uuid4()), "version_id": made(w.users["coordinator"], w.network_id), "title": "Lekcja otwarta"}),
    "`plan_task.update`": lambda c, w, r: outcome(c, "plan_task.update", {
        "id": task(w.users["coordinator"], made(w.users["coordinator"], w.network_id)), "title": "Warsztaty"}),
    "`plan_task.remove`": lambda c, w, r: outcome(c, "plan_task.remove", {
        "id": task(w.users["coordinator"], made(w.users["coordinator"], w.network_id))}),
    "`plan_task.progress` (a task of the approved plan; the member owns it)": lambda c, w, r: outcome(
        c, "plan_task.progress", {"id": _approved(w)[1], "status": "done"}),
    "`plan_approver.set`": lambda c, w, r: outcome(c, "plan_approver.set", {
        "user_id": w.users["staff"], "allowed": True}),
    "read the network's plan (pull)": lambda c, w, r: _seen(c, w),
    "read the plans sent for approval, of every network (pull)": lambda c, w, r: _waiting(c, w),
}
