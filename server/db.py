"""The database: engine, per-thread session, the declarative base and column helpers."""
from __future__ import annotations

import os
import time
import uuid
from datetime import datetime, timezone

from flask import Flask
from sqlalchemy import DateTime, String, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, scoped_session, sessionmaker
from sqlalchemy.types import TypeDecorator
from sync.reading import begin_read_only
from sync.sqlite import use_transaction_rules


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes on every backend (SQLite keeps no time zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(timezone.utc) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime}


@event.listens_for(Base, "init", propagate=True)
def _uuid_from_birth(target, _args, kwargs) -> None:
    """The sync log names rows by id before any flush: UUID ids exist from construction."""
    id_column = target.__table__.c.get("id")
    if "id" not in kwargs and id_column is not None and isinstance(id_column.type, String):
        kwargs["id"] = new_id()


def new_id() -> str:
    """A UUID v7 (RFC 9562): time-ordered, so new rows land at the end of every index on
    their id instead of on a random page of it. The PWA makes its ids the same way."""
    millis = time.time_ns() // 1_000_000
    raw = bytearray(millis.to_bytes(6, "big") + os.urandom(10))
    raw[6] = (raw[6] & 0x0F) | 0x70  # version 7
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    return str(uuid.UUID(bytes=bytes(raw)))


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")




def normalize_url(url: str) -> str:
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    use_transaction_rules(engine)  # the sync engine's: who BEGINs how (sync/sqlite.py)

    @event.listens_for(engine, "connect")
    def _sqlite_connect(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        # Checkpoints run in the background (see checkpoint_forever); this is only the
        # safety net, so a commit in a request rarely pays for copying the WAL back.
        cur.execute("PRAGMA wal_autocheckpoint=10000")
        cur.close()

    return engine


class Database:
    """Bound to the app in the factory; ``db.session`` is one session per thread."""

    def __init__(self) -> None:
        self.engine: Engine | None = None
        self.session = scoped_session(sessionmaker(expire_on_commit=False))

    def init_app(self, app: Flask) -> None:
        self.engine = make_engine(app.config["DATABASE_URL"])
        self.session.configure(bind=self.engine)
        app.teardown_appcontext(lambda _exc: self.session.remove())

    def read_only(self) -> None:
        """Begin a fresh transaction that only reads: on SQLite it blocks no writer."""
        begin_read_only(self.session)

    def checkpoint_forever(self, sleep, every: float = 30.0) -> None:
        """SQLite only: copy the WAL back into the database between requests, not inside them."""
        if self.engine is None or self.engine.dialect.name != "sqlite":
            return
        while True:
            sleep(every)
            raw = self.engine.raw_connection()  # outside any transaction, or SQLite skips it
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                raw.close()
