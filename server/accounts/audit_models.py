"""The audit log of security events (accounts/audit.py): append-only, pruned after AUDIT_DAYS."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String, event
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, utcnow


class AuditEvent(Base):
    """Who did what to whom, when, from which network. Ids only, never names, addresses or
    secrets: a person's name is read when the log is shown (a deleted account's reads
    "Konto usunięte"), and no token, link or key ever reaches a row."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)  # the log's order
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)  # audit.KINDS
    actor_id: Mapped[str | None] = mapped_column(String(36), index=True)  # who did it; None: the server
    subject_id: Mapped[str | None] = mapped_column(String(36), index=True)  # whom it concerns
    network_id: Mapped[str | None] = mapped_column(String(36))
    target_id: Mapped[str | None] = mapped_column(String(36))  # the passkey, session or certificate
    details: Mapped[dict] = mapped_column(JSON, default=dict)  # small facts: {"method": "passkey"}
    ip: Mapped[str] = mapped_column(String(45), default="")  # coarse, as sessions keep it: /24, /48
    device: Mapped[str] = mapped_column(String(80), default="")  # "Chrome, Android"


@event.listens_for(AuditEvent, "before_update")
def _append_only(_mapper, _connection, target: AuditEvent) -> None:
    raise RuntimeError(f"audit_event {target.id} is append-only")
