"""What plans tell the engine: plans, their versions and tasks, and who may approve them, on
devices; who sees the plans of every network (the approvers); the mutators; and the annual
report's places for the plan's tasks and the year's conclusions."""
from __future__ import annotations

from sqlalchemy.orm import Session, object_session
from sync import Registry

from server.accounts.models import User
from server.db import iso
from server.plans import approvers, publish, report_section, rights, schemas, services, tasks
from server.plans.models import Plan, PlanApprover, PlanTask, PlanVersion


def serialize_plan(p: Plan) -> dict:
    return {"id": p.id, "network_id": p.network_id, "school_year": p.school_year, "version": p.version,
            "status": p.status, "approved_version": p.approved_version, "created_by": p.created_by,
            "created_at": iso(p.created_at)}


def _name(session, user_id: str | None) -> str:
    """A name shown with the row (an approver outside the network holds no row of its people)."""
    user = session.get(User, user_id) if user_id else None
    return user.name if user else ""


def serialize_version(v: PlanVersion) -> dict:
    session = object_session(v)
    return {
        "id": v.id, "plan_id": v.plan_id, "network_id": v.network_id, "number": v.number, "status": v.status,
        "sections": dict(v.sections or {}), "topics": [dict(t) for t in v.topics or []],
        "created_by": v.created_by, "created_at": iso(v.created_at), "edited_at": iso(v.edited_at),
        "submitted_by": v.submitted_by, "submitted_by_name": _name(session, v.submitted_by),
        "submitted_at": iso(v.submitted_at), "decided_by": v.decided_by, "decided_by_name": _name(session, v.decided_by),
        "decided_at": iso(v.decided_at), "comment": v.comment,
    }


def serialize_task(t: PlanTask) -> dict:
    return {"id": t.id, "key": t.key, "version_id": t.version_id, "plan_id": t.plan_id, "network_id": t.network_id,
            "position": t.position, "title": t.title, "owner_id": t.owner_id,
            "owner_name": _name(object_session(t), t.owner_id),
            "due_on": t.due_on.isoformat() if t.due_on else None, "status": t.status, "comment": t.comment or "",
            "edited_at": iso(t.edited_at)}


def serialize_approver(a: PlanApprover) -> dict:
    return {"id": a.id, "user_id": a.id, "allowed": a.allowed, "granted_by": a.granted_by,
            "granted_at": iso(a.granted_at)}


def visible_scopes(session: Session, user_id: str) -> set[str]:
    """Whoever may approve plans sees every plan once it has been sent."""
    return {publish.APPROVERS} if rights.may_approve(session, session.get(User, user_id)) else set()


def register(registry: Registry) -> None:
    registry.row_type("plan", serialize_plan)
    registry.row_type("plan_version", serialize_version)
    registry.row_type("plan_task", serialize_task)
    registry.row_type("plan_approver", serialize_approver)
    registry.visibility(visible_scopes)
    registry.mutator("plan.create", schemas.PlanCreate())(services.create)
    registry.mutator("plan.update", schemas.PlanUpdate())(services.update)
    registry.mutator("plan.submit", schemas.VersionRef())(services.submit)
    registry.mutator("plan.approve", schemas.PlanApprove())(services.approve)
    registry.mutator("plan.return", schemas.PlanReturn())(services.return_)
    registry.mutator("plan.amend", schemas.VersionRef())(services.amend)
    registry.mutator("plan.conclude", schemas.PlanConclude())(services.conclude)
    registry.mutator("plan_task.create", schemas.TaskCreate())(tasks.create)
    registry.mutator("plan_task.update", schemas.TaskUpdate())(tasks.update)
    registry.mutator("plan_task.progress", schemas.TaskProgress())(tasks.progress)
    registry.mutator("plan_task.remove", schemas.TaskRef())(tasks.remove)
    registry.mutator("plan_approver.set", schemas.ApproverSet())(approvers.set_)
    report_section.provide()  # the annual report lists the plan's tasks, done and not, and its conclusions
