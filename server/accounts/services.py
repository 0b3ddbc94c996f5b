"""Accounts and one-time sign-in links."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from server.accounts.models import LoginToken, User
from server.db import new_id, utcnow


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalars(select(User).where(User.email == email.strip().lower())).first()


def is_staff(session: Session, user_id: str | None) -> bool:
    """A Poradnia employee (for what only staff see outside mutations, like the dashboard)."""
    return bool(user_id) and bool(session.scalar(select(User.is_staff).where(User.id == user_id)))


def create_user(session: Session, email: str, name: str, *, is_staff: bool = False, school_id: str | None = None,
                user_id: str | None = None) -> User:
    """``user_id``: the id a mutation context was opened with for someone who has no account yet."""
    user = User(id=user_id or new_id(), email=email.strip().lower(), name=name.strip(), is_staff=is_staff,
                school_id=school_id)
    session.add(user)
    session.flush()
    return user


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_login_token(session: Session, user: User, minutes: int) -> str:
    """Return a fresh token; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    session.add(LoginToken(token_hash=_hash(token), user_id=user.id, expires_at=utcnow() + timedelta(minutes=minutes)))
    session.flush()
    return token


def consume_login_token(session: Session, token: str) -> str | None:
    """Use a token up; return its user's id, or None when unknown, used or expired.

    One conditional UPDATE, so two clicks racing cannot both sign in.
    """
    now = utcnow()
    user_id = session.scalars(
        update(LoginToken)
        .where(LoginToken.token_hash == _hash(token), LoginToken.used_at.is_(None), LoginToken.expires_at > now)
        .values(used_at=now)
        .returning(LoginToken.user_id)
    ).first()
    return user_id


def count_users(session: Session) -> int:
    return session.scalar(select(func.count(User.id))) or 0
