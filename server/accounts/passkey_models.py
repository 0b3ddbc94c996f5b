"""Passkeys (WebAuthn credentials) and the challenges of their ceremonies."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, new_id, utcnow


class Passkey(Base):
    """One of her passkeys: a phone, a laptop, a security key. Only the public key is kept."""

    __tablename__ = "passkey"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"), index=True)
    credential_id: Mapped[str] = mapped_column(String(1400), unique=True)  # base64url, up to 1023 bytes
    public_key: Mapped[bytes] = mapped_column(LargeBinary)  # COSE
    sign_count: Mapped[int] = mapped_column(Integer, default=0)
    transports: Mapped[list[str]] = mapped_column(JSON, default=list)
    name: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]


class WebauthnChallenge(Base):
    """A challenge handed out with a ceremony's options: used once (deleted as it is read), briefly."""

    __tablename__ = "webauthn_challenge"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    challenge: Mapped[str] = mapped_column(String(64), unique=True)  # base64url of 32 random bytes
    purpose: Mapped[str] = mapped_column(String(16))  # "register" or "login"
    user_id: Mapped[str | None] = mapped_column(ForeignKey("user_account.id"))  # register: whose key it will be
    expires_at: Mapped[datetime] = mapped_column(index=True)
