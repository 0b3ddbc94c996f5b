"""Networks, who belongs to them, how they are asked for and how people are invited."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, new_id, utcnow

KINDS = ("subject", "problem")
RECRUITMENT = ("open", "closed")
ROLES = ("coordinator", "member", "expert")
# pending: asked to join a closed network; declined/left/removed: no longer in it.
STATUSES = ("active", "pending", "declined", "left", "removed")
NETWORK_STATUSES = ("active", "archived")
REQUEST_STATUSES = ("pending", "approved", "rejected")


class Network(Base):
    __tablename__ = "network"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str] = mapped_column(String(200), default="")  # the subject or the problem area
    recruitment: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    school_year: Mapped[str] = mapped_column(String(9), default="")  # "2026/2027"
    capacity: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="active")
    previous_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"))  # last year's network
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Membership(Base):
    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("network_id", "user_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="member")
    status: Mapped[str] = mapped_column(String(16), default="active")
    expires_at: Mapped[datetime | None]  # experts are guests until this moment
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    message: Mapped[str | None] = mapped_column(Text)  # her words to the coordinator when she asks to join


class NetworkRequest(Base):
    """A teacher, director or governing body asks the Poradnia for a network."""

    __tablename__ = "network_request"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    requester_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str] = mapped_column(String(200))
    justification: Mapped[str] = mapped_column(Text)
    recruitment: Mapped[str] = mapped_column(String(16))
    expected_members: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    reason: Mapped[str | None] = mapped_column(Text)  # why it was refused
    network_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"))
    decided_by: Mapped[str | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]


class Invitation(Base):
    """An e-mailed invitation into a network; also reaches people with no account yet."""

    __tablename__ = "invitation"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(16), default="member")
    expert_until: Mapped[datetime | None]
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by: Mapped[str] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]


class PublicRequest(Base):
    """A network request from someone with no account, waiting for her e-mail to be confirmed."""

    __tablename__ = "public_request"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(254))
    name: Mapped[str] = mapped_column(String(120))
    function: Mapped[str] = mapped_column(String(24))
    payload: Mapped[dict] = mapped_column(JSON)  # the network_request.create args
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
