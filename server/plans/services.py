"""The plan's mutators: made, written while a draft, sent, approved or returned, amended as a
new version; its conclusions written at any state. Check first, write last; never commit."""
from __future__ import annotations

from sqlalchemy import or_, select
from sync import Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.plans import letters, publish, rights, tasks
from server.plans.models import CONCLUSIONS, SECTIONS, Plan, PlanTask, PlanVersion, task_id, version_id
from server.surveys.models import Survey

INVALID = "Niepoprawne dane."
NOT_SUBMITTED = "Ta wersja planu nie czeka na zatwierdzenie."
NOT_LATEST = "Plan ma już nowszą wersję."
NOT_DECIDED = "Nową wersję robi się z planu zatwierdzonego albo zwróconego do poprawy."
NO_GOALS = "Wpisz cele planu, zanim wyślesz go do zatwierdzenia."


def create(ctx: MutationContext, args: dict) -> None:
    network_id = str(args["network_id"])
    rights.require_manager(ctx, network_id)
    if ctx.session.get(Plan, str(args["id"])) is not None:
        raise Rejected("conflict", "Taki plan już jest.")
    taken = ctx.session.scalars(select(Plan.id).where(Plan.network_id == network_id,
                                                      Plan.school_year == args["school_year"])).first()
    if taken is not None:
        raise Rejected("conflict", "Sieć ma już plan pracy na ten rok szkolny.",
                       {"school_year": ["Na ten rok szkolny plan już jest."]})
    now = utcnow()
    p = Plan(id=str(args["id"]), network_id=network_id, school_year=args["school_year"], version=1,
             status="draft", shared=False, created_by=ctx.user_id, created_at=now)
    v = PlanVersion(id=version_id(p.id, 1), plan_id=p.id, network_id=network_id, number=1, status="draft",
                    sections={key: "" for key in SECTIONS}, topics=[], created_by=ctx.user_id, created_at=now)
    ctx.add(p)
    ctx.add(v)
    publish.plan(ctx, p)
    publish.version(ctx, p, v)


def _topics(ctx: MutationContext, network_id: str, topics: list[dict]) -> list[dict]:
    """As stored; a cited survey must be this network's, a cited question one of its questions."""
    kept, errors = [], {}
    for i, t in enumerate(topics):
        survey_id, question_id = t.get("survey_id"), t.get("question_id")
        if question_id and not survey_id:
            errors[f"topics.{i}.question_id"] = ["Najpierw wskaż ankietę."]
        if survey_id:
            s = ctx.session.get(Survey, survey_id)
            if s is None or s.network_id != network_id:
                errors[f"topics.{i}.survey_id"] = ["Można powołać się tylko na ankietę tej sieci."]
            elif question_id and question_id not in {q["id"] for q in s.questions or []}:
                errors[f"topics.{i}.question_id"] = ["W tej ankiecie nie ma takiego pytania."]
        kept.append({"id": t["id"], "title": t["title"], "description": t.get("description") or "",
                     "survey_id": survey_id, "question_id": question_id if survey_id else None})
    if len({t["id"] for t in kept}) != len(kept):
        errors["topics"] = ["Dwa tematy mają ten sam identyfikator."]
    if errors:
        raise Rejected("invalid", INVALID, errors)
    return kept


def update(ctx: MutationContext, args: dict) -> None:
    v, p = rights.version(ctx, args["version_id"], lock=True)
    rights.require_manager(ctx, v.network_id)
    rights.require_draft(v)
    changed = False
    if "sections" in args:
        sections = {**{key: "" for key in SECTIONS}, **(v.sections or {}), **args["sections"]}
        if sections != v.sections:
            v.sections, changed = sections, True
    if "topics" in args:
        topics = _topics(ctx, v.network_id, args["topics"])
        if topics != v.topics:
            v.topics, changed = topics, True
    if changed:
        v.edited_at = utcnow()
        publish.version(ctx, p, v)


def conclude(ctx: MutationContext, args: dict) -> None:
    """The year's outcomes and conclusions (the report's `conclusions`): not the plan's content, so,
    like a task's progress, written by the coordinator at any state with no new approval, into
    the versions in force (the latest, and the approved one) and carried on by `plan.amend`."""
    v, p = rights.version(ctx, args["version_id"], lock=True)
    rights.require_manager(ctx, v.network_id)
    if not tasks.in_force(p, v):
        raise Rejected("superseded", tasks.REPLACED_VERSION)
    same = ctx.session.scalars(select(PlanVersion).where(
        PlanVersion.plan_id == p.id, or_(PlanVersion.number == p.version, PlanVersion.status == "approved"))
        .with_for_update()).all()
    now = utcnow()
    for row in same:
        if (row.sections or {}).get(CONCLUSIONS, "") != args["conclusions"]:
            row.sections = {**(row.sections or {}), CONCLUSIONS: args["conclusions"]}
            row.edited_at = now
            publish.version(ctx, p, row)


def submit(ctx: MutationContext, args: dict) -> None:
    v, p = rights.version(ctx, args["version_id"], lock=True)
    rights.require_manager(ctx, v.network_id)
    if v.status == "submitted":
        return  # sent already (another of her devices)
    rights.require_draft(v)
    if not (v.sections or {}).get("goals", "").strip():
        raise Rejected("invalid", NO_GOALS, {"sections.goals": [NO_GOALS]})
    v.status, v.submitted_by, v.submitted_at = "submitted", ctx.user_id, utcnow()
    p.status = v.status
    if not p.shared:  # from now on the approvers see the plan, every version of it
        p.shared = True
        for other in ctx.session.scalars(select(PlanVersion).where(PlanVersion.plan_id == p.id)):
            publish.version(ctx, p, other)
        for t in ctx.session.scalars(select(PlanTask).where(PlanTask.plan_id == p.id)):
            publish.task(ctx, p, t)
    publish.plan(ctx, p)
    publish.version(ctx, p, v)


def _decide(ctx: MutationContext, args: dict) -> tuple[PlanVersion, Plan]:
    v, p = rights.version(ctx, args["version_id"], lock=True)
    rights.require_approver(ctx, v)
    if v.status != "submitted":
        raise Rejected("not_submitted", NOT_SUBMITTED)
    v.decided_by, v.decided_at, v.comment = ctx.user_id, utcnow(), args.get("comment")
    return v, p


def approve(ctx: MutationContext, args: dict) -> None:
    v, p = _decide(ctx, args)
    if p.approved_version is not None and p.approved_version != v.number:
        before = ctx.session.get(PlanVersion, version_id(p.id, p.approved_version), with_for_update=True)
        before.status = "superseded"  # the one in force until now stays, read-only
        publish.version(ctx, p, before)
    v.status, p.status, p.approved_version = "approved", "approved", v.number
    publish.plan(ctx, p)
    publish.version(ctx, p, v)
    letters.decided(ctx, p, v)


def return_(ctx: MutationContext, args: dict) -> None:
    v, p = _decide(ctx, args)
    v.status = p.status = "returned"
    publish.plan(ctx, p)
    publish.version(ctx, p, v)
    letters.decided(ctx, p, v)


def amend(ctx: MutationContext, args: dict) -> None:
    """A new draft (number + 1) from the latest version, approved or returned; its tasks copied
    with their progress. The approved version stays in force until the new one is approved."""
    v, p = rights.version(ctx, args["version_id"], lock=True)
    rights.require_manager(ctx, v.network_id)
    if v.number != p.version:
        raise Rejected("not_latest", NOT_LATEST)
    if v.status not in ("approved", "returned"):
        raise Rejected("not_decided", NOT_DECIDED)
    number, now = v.number + 1, utcnow()
    new = PlanVersion(id=version_id(p.id, number), plan_id=p.id, network_id=p.network_id, number=number,
                      status="draft", sections=dict(v.sections or {}), topics=[dict(t) for t in v.topics or []],
                      created_by=ctx.user_id, created_at=now)
    ctx.add(new)
    p.version, p.status = number, "draft"
    publish.plan(ctx, p)
    publish.version(ctx, p, new)
    for t in ctx.session.scalars(select(PlanTask).where(PlanTask.version_id == v.id).order_by(PlanTask.position)):
        copy = PlanTask(id=task_id(t.key, number), key=t.key, version_id=new.id, plan_id=p.id,
                        network_id=p.network_id, position=t.position, title=t.title, owner_id=t.owner_id,
                        due_on=t.due_on, status=t.status, comment=t.comment, edited_at=t.edited_at)
        ctx.add(copy)
        publish.task(ctx, p, copy)
