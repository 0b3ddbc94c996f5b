"""The plan's tasks: added, changed and removed in a draft by whoever writes the plan; their
progress (status, comments) ticked by the coordinator or the task's owner at any time in a
version in force — the latest, and the approved one — so a task done needs no new approval.
Progress follows the task's key into both (the approved version and the draft amending it)."""
from __future__ import annotations

from sqlalchemy import func, or_, select
from sync import Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.plans import publish, rights, schemas
from server.plans.models import Plan, PlanTask, PlanVersion, task_id

TOO_MANY = f"Wersja planu może mieć najwyżej {schemas.TASKS_MAX} zadań."
REPLACED = "Ta wersja planu została zastąpiona nowszą: zmień zadanie w wersji obowiązującej."
REPLACED_VERSION = "Ta wersja planu została zastąpiona nowszą: wnioski wpisz w wersji obowiązującej."


def in_force(p: Plan, v: PlanVersion) -> bool:
    """The latest version, or the approved one: older versions (returned, replaced) stay as they were."""
    return v.number == p.version or v.status == "approved"


def create(ctx: MutationContext, args: dict) -> None:
    v, p = rights.version(ctx, args["version_id"], lock=True)
    rights.require_manager(ctx, v.network_id)
    rights.require_draft(v)
    row_id = task_id(str(args["id"]), v.number)
    if ctx.session.get(PlanTask, row_id) is not None:
        raise Rejected("conflict", "Takie zadanie już jest.")
    rights.require_owner_in_network(ctx, v.network_id, args.get("owner_id"))
    count = ctx.session.scalar(select(func.count()).select_from(PlanTask).where(PlanTask.version_id == v.id)) or 0
    if count >= schemas.TASKS_MAX:
        raise Rejected("invalid", TOO_MANY, {"title": [TOO_MANY]})
    t = PlanTask(id=row_id, key=str(args["id"]), version_id=v.id, plan_id=p.id, network_id=v.network_id,
                 position=count, title=args["title"], owner_id=args.get("owner_id"), due_on=args.get("due_on"),
                 status="todo", comment="", edited_at=utcnow())
    publish.task(ctx, p, t)


def _in_draft(ctx: MutationContext, task_id_: str) -> tuple[PlanTask, Plan]:
    t = rights.task(ctx, task_id_)
    v, p = rights.version(ctx, t.version_id)
    rights.require_manager(ctx, t.network_id)
    rights.require_draft(v)
    return t, p


def update(ctx: MutationContext, args: dict) -> None:
    t, p = _in_draft(ctx, args["id"])
    if "owner_id" in args:
        rights.require_owner_in_network(ctx, t.network_id, args["owner_id"])
    changes = {k: args[k] for k in ("title", "owner_id", "due_on") if k in args and args[k] != getattr(t, k)}
    if not changes:
        return
    for key, value in changes.items():
        setattr(t, key, value)
    t.edited_at = utcnow()
    publish.task(ctx, p, t)


def remove(ctx: MutationContext, args: dict) -> None:
    t, p = _in_draft(ctx, args["id"])
    ctx.remove(t)
    publish.task_removed(ctx, p, t.id)


def progress(ctx: MutationContext, args: dict) -> None:
    t = rights.task(ctx, args["id"])
    v, p = rights.version(ctx, t.version_id)
    rights.require_progress_right(ctx, t)
    if not in_force(p, v):
        raise Rejected("superseded", REPLACED)
    changes = {k: args[k] for k in ("status", "comment") if k in args}
    same = ctx.session.scalars(select(PlanTask).join(PlanVersion, PlanVersion.id == PlanTask.version_id).where(
        PlanTask.key == t.key, PlanVersion.plan_id == p.id,
        or_(PlanVersion.number == p.version, PlanVersion.status == "approved")).with_for_update()).all()
    now = utcnow()
    for row in same:
        if any(getattr(row, k) != value for k, value in changes.items()):
            for key, value in changes.items():
                setattr(row, key, value)
            row.edited_at = now
            publish.task(ctx, p, row)
