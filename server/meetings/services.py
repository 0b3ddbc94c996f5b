"""The meetings' mutators: planned, changed, cancelled, answered. Check first, write last.

`changed` is the hook point for what follows a meeting moved (its start, end or place) or
cancelled — the letters to its network (server/meetings/letters.py connects to it). It runs
in the mutation, so a letter is written, or refused, with the change itself.
"""
from __future__ import annotations

import secrets

from sqlalchemy import select
from sync import Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.hooks import Hook
from server.meetings import attendance, publish, rights, schemas
from server.meetings.models import Meeting, Rsvp, pair_id
from server.networks import rights as network_rights
from server.org.models import Poradnia

# changed(ctx, meeting, was): `was` holds the earlier values of what changed among
# starts_at, ends_at, place and status (cancelled: {"status": "planned"}).
changed = Hook("a meeting is moved or cancelled")

EDITABLE = ("title", "starts_at", "ends_at", "place", "agenda", "links", "online_url", "expert_ids")
MOVES = ("starts_at", "ends_at", "place")
INVALID = "Niepoprawne dane."
PAST = "To spotkanie już się odbyło."


def new_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def default_place(ctx: MutationContext) -> str:
    poradnia = ctx.session.scalars(select(Poradnia)).first()
    return poradnia.address if poradnia else ""


def _check_experts(ctx: MutationContext, network_id: str, expert_ids: list[str], kept=()) -> list[str]:
    """Guests linked to a meeting: each one an active expert of the network, not past her last day
    (one linked before, ``kept``, stays after her last day: the meeting was hers)."""
    unique = list(dict.fromkeys(expert_ids))
    for user_id in set(unique) - set(kept):
        m = network_rights.membership(ctx, network_id, user_id)
        if not (network_rights.is_active(m) and m.role == "expert"):
            raise Rejected("invalid", INVALID, {"expert_ids": [
                "Ekspertem spotkania może być tylko ekspert tej sieci (z ważnym zaproszeniem)."]})
    return unique


def create(ctx: MutationContext, args: dict) -> None:
    network_id = str(args["network_id"])
    rights.require_manager(ctx, network_id)
    if ctx.session.get(Meeting, str(args["id"])) is not None:
        raise Rejected("conflict", "Takie spotkanie już jest.")
    m = Meeting(
        id=str(args["id"]), network_id=network_id, title=args["title"], starts_at=args["starts_at"],
        ends_at=args["ends_at"], place=args["place"] or default_place(ctx), agenda=args["agenda"],
        links=args["links"], online_url=args["online_url"],
        expert_ids=_check_experts(ctx, network_id, args["expert_ids"]), status="planned", code=new_code(),
        created_by=ctx.user_id, created_at=utcnow(),
    )
    publish.meeting(ctx, m)
    publish.code(ctx, m)


def update(ctx: MutationContext, args: dict) -> None:
    m = rights.meeting(ctx, str(args["id"]), lock=True)
    rights.require_manager(ctx, m.network_id)
    rights.require_planned(m)
    given = {k: args[k] for k in EDITABLE if k in args}
    if "place" in given:
        given["place"] = given["place"] or default_place(ctx)
    if "expert_ids" in given:
        given["expert_ids"] = _check_experts(ctx, m.network_id, given["expert_ids"], kept=m.expert_ids or [])
    changes = {k: v for k, v in given.items() if v != getattr(m, k)}
    error = schemas.length_error(changes.get("starts_at", m.starts_at), changes.get("ends_at", m.ends_at))
    if error:
        raise Rejected("invalid", INVALID, {"ends_at": [error]})
    if not changes:
        return
    was = {k: getattr(m, k) for k in MOVES if k in changes}
    for key, value in changes.items():
        setattr(m, key, value)
    m.edited_at, m.sequence = utcnow(), m.sequence + 1
    publish.meeting(ctx, m)
    if "starts_at" in changes or "ends_at" in changes:
        attendance.republish(ctx, m)  # hours follow the meeting's length
    if was:
        changed(ctx, m, was)


def cancel(ctx: MutationContext, args: dict) -> None:
    m = rights.meeting(ctx, str(args["id"]), lock=True)
    rights.require_manager(ctx, m.network_id)
    if m.status == "cancelled":
        return  # cancelled already (from another device): nothing more to say
    m.status, m.edited_at, m.sequence = "cancelled", utcnow(), m.sequence + 1
    publish.meeting(ctx, m)
    changed(ctx, m, {"status": "planned"})


def rsvp(ctx: MutationContext, args: dict) -> None:
    m = rights.meeting(ctx, str(args["meeting_id"]))
    rights.require_participant(ctx, m.network_id)
    rights.require_planned(m)
    if m.ends_at <= utcnow():
        raise Rejected("past", PAST)
    row_id = pair_id(m.id, ctx.user_id)
    answer = ctx.session.get(Rsvp, row_id) or Rsvp(id=row_id, meeting_id=m.id, user_id=ctx.user_id)
    answer.answer, answer.at = args["answer"], utcnow()
    publish.rsvp(ctx, answer, m.network_id)
