"""People and their one-time sign-in links."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, new_id, utcnow

FUNCTIONS = ("teacher", "director", "governing_body", "pedagogue", "psychologist", "career_counsellor")
# How Polish speaks of her (past tense, the name of her function): "pani" (założyła, nauczycielka),
# "pan" (założył, nauczyciel); none recorded: neutral wording.
FORMS_OF_ADDRESS = ("pani", "pan")
# The language of the letters Krąg sends her (server/mail.py), chosen in the app: Polish first.
LANGS = ("pl", "en")


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-case
    name: Mapped[str] = mapped_column(String(120))
    school_id: Mapped[str | None] = mapped_column(ForeignKey("school.id"))
    function: Mapped[str] = mapped_column(String(24), default="teacher")
    subjects: Mapped[list[str]] = mapped_column(JSON, default=list)
    form_of_address: Mapped[str | None] = mapped_column(String(8))  # FORMS_OF_ADDRESS, or None
    lang: Mapped[str] = mapped_column(String(2), default="pl", server_default="pl")  # LANGS
    is_staff: Mapped[bool] = mapped_column(Boolean, default=False)  # a Poradnia employee
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)  # manages staff and schools
    # Her private calendar feed's secret (/calendar/<token>.ics), made by calendar.reset; None: no feed yet.
    calendar_token: Mapped[str | None] = mapped_column(String(43), unique=True)
    share_email: Mapped[bool] = mapped_column(Boolean, default=False)  # her networks see her address
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Her account was deleted (privacy/deletion.py): the row stays, emptied, so what she wrote
    # and kept reads "Konto usunięte"; nobody signs in as it.
    deleted_at: Mapped[datetime | None]


class LoginToken(Base):
    """A sign-in link: only its hash is stored, it works once and briefly."""

    __tablename__ = "login_token"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class UserSession(Base):
    """One signed-in device (accounts/sessions.py). The cookie carries a secret; only its hash is
    stored, so a copy of the database signs nobody in. ``id`` is public: her list of devices names it."""

    __tablename__ = "user_session"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    device: Mapped[str] = mapped_column(String(80), default="")  # "Chrome, Android": from the User-Agent
    ip: Mapped[str] = mapped_column(String(45), default="")  # coarse: the /24 (IPv4) or /48 (IPv6) only
    revoked_at: Mapped[datetime | None]
