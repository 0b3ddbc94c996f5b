"""Transactions that only read: the database may let them block no writer.

The engine's pull begins one; so do the server's read-only routes. The option
travels on the connection, and on SQLite the engine's BEGIN (sync/sqlite.py)
reads it back.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

READ_ONLY = "read_only"  # execution option: this transaction only reads


def begin_read_only(session: Session) -> None:
    """End whatever the session had open and begin a fresh transaction that only reads."""
    session.rollback()
    session.connection(execution_options={READ_ONLY: True})
