"""Sessions are server-side records (issue 11): signing in makes one, every request checks it,
signing out or revoking it ends it at once, on HTTP and on the live channel.

The cookie carries a random secret; the table keeps its hash (models.UserSession). A session
ends when it is revoked (sign-out, `session.revoke`, `session.revoke_others`, her account
removed) or after SESSION_DAYS without use. Use is stamped (`last_seen_at`) at most once an
hour and never by a GET: by her writes (push, uploads) and by the live channel connecting,
which the app does each time it is online (docs/architecture.md, "Sessions")."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import current_app, has_request_context, request
from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sync import Rejected
from sync.context import MutationContext

from server.accounts import audit, devices
from server.accounts.models import UserSession
from server.db import iso, new_id, utcnow
from server.hooks import Hook
from server.scopes import user_scope

ON_REQUEST = "krag_session"  # where accounts/auth.py keeps the request's session record
RENEW_AFTER = timedelta(hours=1)  # last_seen_at is written at most this often
# ``fn(session_ids)`` after the commit that ended them (syncing: their live channels are closed).
ended = Hook("sessions ended, committed")


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def serialize_session(record: UserSession) -> dict:
    """Her list of devices; the PWA marks the one it runs on (/api/me's session_id)."""
    return {"id": record.id, "device": record.device, "created_at": iso(record.created_at),
            "last_seen_at": iso(record.last_seen_at), "expires_at": iso(expires_at(record))}


def _term() -> timedelta:
    return timedelta(days=current_app.config["SESSION_DAYS"])


def expires_at(record: UserSession) -> datetime:
    return record.last_seen_at + _term()


def start(ctx: MutationContext, user_agent: str | None, address: str | None) -> tuple[UserSession, str]:
    """A new session of ctx's user on this device; the secret for her cookie."""
    _forget_old(ctx)
    secret = secrets.token_urlsafe(32)
    record = UserSession(id=new_id(), secret_hash=_hash(secret), user_id=ctx.user_id, device=devices.label(user_agent),
                         ip=devices.coarse_ip(address), created_at=utcnow(), last_seen_at=utcnow())
    ctx.put("session", record, [user_scope(ctx.user_id)])
    return record, secret


def _forget_old(ctx: MutationContext) -> None:
    """Her sessions that ended more than a term ago are deleted, with their device and address
    (RODO: kept no longer than needed), when she signs in again."""
    cutoff = utcnow() - _term()
    old = ctx.session.scalars(select(UserSession).where(UserSession.user_id == ctx.user_id, or_(
        UserSession.revoked_at < cutoff, UserSession.last_seen_at < cutoff - _term())))
    for record in old:
        if record.revoked_at is None:  # expired unused: still a row on her devices until now
            ctx.delete("session", record.id, [user_scope(record.user_id)])
        ctx.remove(record)


def find(session: Session, secret: str | None) -> UserSession | None:
    """The live session this secret opens; None when unknown, revoked or unused too long."""
    if not secret or not isinstance(secret, str):
        return None
    record = session.scalars(select(UserSession).where(UserSession.secret_hash == _hash(secret))).first()
    if record is None or record.revoked_at is not None or expires_at(record) <= utcnow():
        return None
    return record


def renewal_due(record: UserSession) -> bool:
    return utcnow() - record.last_seen_at >= RENEW_AFTER


def renew(ctx: MutationContext, record: UserSession) -> None:
    record.last_seen_at = utcnow()
    ctx.put("session", record, [user_scope(record.user_id)])


def end(ctx: MutationContext, records: list[UserSession]) -> None:
    """Revoke ``records``: gone from her list, their cookies answer 401, their sockets close."""
    now, ids = utcnow(), [r.id for r in records if r.revoked_at is None]
    for record in records:
        if record.revoked_at is None:
            record.revoked_at = now
            ctx.delete("session", record.id, [user_scope(record.user_id)])
    if ids:
        ctx.on_commit(lambda: ended(ids))


def end_all(ctx: MutationContext, user_id: str, keep: str | None = None) -> None:
    """Every live session of hers ends (but ``keep``): she was removed, or signs out elsewhere."""
    records = ctx.session.scalars(select(UserSession).where(
        UserSession.user_id == user_id, UserSession.revoked_at.is_(None), UserSession.id != (keep or ""))).all()
    end(ctx, list(records))


def current() -> UserSession | None:
    """The session this request came with (loaded by accounts/auth.py), or None outside a request."""
    return getattr(request, ON_REQUEST, None) if has_request_context() else None


def revoke(ctx: MutationContext, args: dict) -> None:
    """`session.revoke` {id}: one of her own sessions (a lost phone) ends."""
    record = ctx.session.get(UserSession, str(args["id"]))
    if record is not None and record.user_id != ctx.user_id:
        raise Rejected("forbidden", "Możesz wylogować tylko swoje urządzenia.")
    if record is None or record.revoked_at is not None:
        raise Rejected("not_found", "Tego urządzenia nie ma już na liście zalogowanych.")
    end(ctx, [record])
    audit.record(ctx, "session.revoked", target_id=record.id)


def revoke_others(ctx: MutationContext, _args: dict) -> None:
    """`session.revoke_others` {}: every session of hers ends but the one that sent it."""
    here = current()
    end_all(ctx, ctx.user_id, keep=here.id if here is not None and here.user_id == ctx.user_id else None)
    audit.record(ctx, "session.revoked_others")
