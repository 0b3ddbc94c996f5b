"""The surveys' building mutators: made, changed before they open, closed. Check first, write last."""
from __future__ import annotations

from sync import Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.surveys import publish, rights, schemas
from server.surveys.models import Survey

EDITABLE = ("title", "anonymous", "opens_at", "closes_at", "questions")
INVALID = "Niepoprawne dane."
STARTED = "Ankieta jest już otwarta: jej pytań i terminów nie można zmieniać."


def _question(q: dict) -> dict:
    """As stored: every key present, options only for choices."""
    return {"id": q["id"], "kind": q["kind"], "text": q["text"],
            "options": list(q.get("options") or []), "required": bool(q.get("required"))}


def create(ctx: MutationContext, args: dict) -> None:
    network_id = str(args["network_id"])
    rights.require_manager(ctx, network_id)
    if ctx.session.get(Survey, str(args["id"])) is not None:
        raise Rejected("conflict", "Taka ankieta już jest.")
    s = Survey(id=str(args["id"]), network_id=network_id, title=args["title"], kind=args["kind"],
               anonymous=args["anonymous"], opens_at=args["opens_at"], closes_at=args["closes_at"],
               questions=[_question(q) for q in args["questions"]], created_by=ctx.user_id, created_at=utcnow())
    publish.survey(ctx, s)


def update(ctx: MutationContext, args: dict) -> None:
    s = rights.survey(ctx, str(args["id"]), lock=True)
    rights.require_manager(ctx, s.network_id)
    if s.opens_at <= utcnow():
        raise Rejected("started", STARTED)
    given = {k: args[k] for k in EDITABLE if k in args}
    if "questions" in given:
        given["questions"] = [_question(q) for q in given["questions"]]
    changes = {k: v for k, v in given.items() if v != getattr(s, k)}
    if changes.get("closes_at", s.closes_at) <= changes.get("opens_at", s.opens_at):
        raise Rejected("invalid", INVALID, {"closes_at": [schemas.CLOSES_BEFORE]})
    if not changes:
        return
    for key, value in changes.items():
        setattr(s, key, value)
    s.edited_at = utcnow()
    publish.survey(ctx, s)


def close(ctx: MutationContext, args: dict) -> None:
    """Closes it now (the set date is brought forward); answers made before now still count."""
    s = rights.survey(ctx, str(args["id"]), lock=True)
    rights.require_manager(ctx, s.network_id)
    now = utcnow()
    if s.closes_at <= now:
        return  # closed already (another device, or its date has passed)
    s.closes_at, s.edited_at = now, now
    if s.opens_at > now:
        s.opens_at = now  # closed before it opened: it never will
    publish.survey(ctx, s)
