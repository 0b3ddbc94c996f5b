"""The audit log of security events: sign-ins, passkeys, sessions, roles, removals, staff-issued
links, certificates, exports and deleted accounts. A row is written in the same transaction as
the action (``ctx.add``: a refused or rolled-back action leaves none), also logged on
``krag.security``. Staff admins read it (GET /api/audit); `krag audit-prune`, from cron, deletes
what is older than KRAG_AUDIT_DAYS."""
from __future__ import annotations

import logging
from datetime import timedelta

from flask import current_app, has_request_context, request
from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session
from sync.context import MutationContext

from server.accounts import devices
from server.accounts.audit_models import AuditEvent
from server.accounts.models import User
from server.db import iso, utcnow

log = logging.getLogger("krag.security")  # security events, one logger

# Every kind the log knows (the admin screen names each; ?kind= takes one of them).
KINDS = (
    "signin.email_link", "signin.invitation", "signin.passkey",
    "passkey.added", "passkey.renamed", "passkey.removed",
    "session.revoked", "session.revoked_others",
    "staff.set", "network.coordinator", "membership.removed",
    "signin_link.issued", "certificate.revoked",
    "account.exported", "account.deleted",
)
PAGE = 50


def record(ctx: MutationContext, kind: str, subject_id: str | None = None, *, actor_id: str | None = None,
           network_id: str | None = None, target_id: str | None = None, **details) -> None:
    """One row, in ctx's transaction; ``actor_id`` defaults to whoever acts in ctx. ``details``
    are small facts (a method, a flag), never a secret."""
    assert kind in KINDS, kind
    actor = actor_id if actor_id is not None else ctx.user_id
    address, agent = (request.remote_addr, request.headers.get("User-Agent")) if has_request_context() else (None, None)
    ctx.add(AuditEvent(kind=kind, actor_id=actor, subject_id=subject_id or actor, network_id=network_id,
                       target_id=target_id, details=details, ip=devices.coarse_ip(address),
                       device=devices.label(agent), at=utcnow()))
    log.info("%s by user %s for user %s%s%s", kind, actor, subject_id or actor,
             f" ({target_id})" if target_id else "", f" {details}" if details else "")


def page(session: Session, kind: str | None, person: str | None, before: int | None, limit: int = PAGE) -> dict:
    """Newest first, ``limit`` rows older than ``before`` (an id); the names of the people they
    name; ``next``: the ``before`` of the next page, or None."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit + 1)
    if kind:
        query = query.where(AuditEvent.kind == kind)
    if person:
        query = query.where(or_(AuditEvent.actor_id == person, AuditEvent.subject_id == person))
    if before:
        query = query.where(AuditEvent.id < before)
    rows = session.scalars(query).all()
    more, rows = len(rows) > limit, rows[:limit]
    ids = {i for r in rows for i in (r.actor_id, r.subject_id) if i}
    if person:
        ids.add(person)
    names = dict(session.execute(select(User.id, User.name).where(User.id.in_(ids))).all()) if ids else {}
    return {"events": [_out(r) for r in rows], "people": names, "next": rows[-1].id if more else None}


def _out(row: AuditEvent) -> dict:
    return {"id": row.id, "at": iso(row.at), "kind": row.kind, "actor_id": row.actor_id,
            "subject_id": row.subject_id, "network_id": row.network_id, "target_id": row.target_id,
            "details": row.details or {}, "ip": row.ip, "device": row.device}


def prune(session: Session, days: int | None = None) -> int:
    """Delete the rows older than ``days`` (KRAG_AUDIT_DAYS); how many went."""
    cutoff = utcnow() - timedelta(days=days if days is not None else current_app.config["AUDIT_DAYS"])
    gone = session.execute(delete(AuditEvent).where(AuditEvent.at < cutoff)).rowcount
    session.commit()
    return gone or 0
