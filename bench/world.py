"""A benchmark world: a fresh migrated database, the app bound to it, the demo data, ways to grow it."""
from __future__ import annotations

import logging
import tempfile
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from flask import Flask
from sqlalchemy import func, select

from server import demo, migrate
from server.accounts.services import find_user_by_email
from server.app import create_app
from server.db import new_id, utcnow
from server.extensions import db
from server.forum.models import Post, Thread
from server.networks.models import Network
from server.scopes import network_scope
from server.syncing.engine import engine
from sync.push import PushOutcome

BATCH = 1000  # the protocol's largest push
THREADS_PER_BATCH = 20  # the grown threads hold 50 posts each, like a busy forum


@dataclass
class World:
    app: Flask
    anna: str  # the reader: a member of "Sieć matematyków"
    jan: str  # the writer who grows the database
    math: str
    demo_threads: list[str]
    jan_posts: list[str] = field(default_factory=list)
    _jan_client: str = field(default_factory=lambda: str(uuid.uuid4()))
    _jan_next: int = 1

    def push(self, user_id: str, client_id: str, mutations: list[dict]) -> PushOutcome:
        outcome = engine.push(db.session, user_id, client_id, mutations)
        refused = [r for r in outcome.results if r["status"] != "applied"]
        if outcome.gap or refused:
            raise RuntimeError(f"bench push not applied: gap={outcome.gap} {refused[:3]}")
        return outcome

    def push_as_jan(self, mutations: list[dict]) -> PushOutcome:
        """Push as Jan's one device, numbering the mutations after his earlier ones."""
        for offset, m in enumerate(mutations):
            m["id"] = self._jan_next + offset
        self._jan_next += len(mutations)
        return self.push(self.jan, self._jan_client, mutations)

    def post_count(self) -> int:
        count = db.session.scalar(select(func.count(Post.id)))
        db.session.rollback()
        return count or 0

    def grow_to(self, posts: int) -> None:
        """Add posts by Jan, 1,000 a transaction, until the database holds ``posts``.

        Written server-side through the engine's change log (``engine.writing``:
        scope counters, serialized rows, one commit), as the demo seed is, and
        not through the mutators: a slow push must not make the set-up slow.
        """
        while (have := self.post_count()) < posts:
            self._grow_batch(min(BATCH, posts - have))

    def _grow_batch(self, size: int) -> None:
        scope = [network_scope(self.math)]
        now = utcnow()
        with engine.writing(db.session, self.jan) as ctx:
            threads = [
                Thread(id=new_id(), network_id=self.math, title=f"Wątek {len(self.jan_posts) + i}",
                       author_id=self.jan, created_at=now, post_count=0)
                for i in range(min(THREADS_PER_BATCH, size))
            ]
            for thread in threads:
                ctx.put("thread", thread, scope)
            for i in range(size):
                post = Post(id=new_id(), thread_id=threads[i % len(threads)].id, network_id=self.math,
                            body=_body(i), author_id=self.jan, created_at=now)
                ctx.put("post", post, scope)
                threads[i % len(threads)].post_count += 1
                self.jan_posts.append(post.id)


def post_creates(thread_ids: list[str], count: int) -> list[dict]:
    """``count`` replies spread over ``thread_ids``, numbered from 1."""
    return [
        {"id": 1 + i, "name": "post.create",
         "args": {"id": new_id(), "thread_id": thread_ids[i % len(thread_ids)], "body": _body(i)}}
        for i in range(count)
    ]


def post_updates(post_ids: list[str], note: str) -> list[dict]:
    return [{"name": "post.update", "args": {"id": p, "body": f"{_body(i)} ({note})"}} for i, p in enumerate(post_ids)]


def _body(i: int) -> str:
    # About the length of a forum reply, with Polish letters as in real use.
    return f"Wpis {i}: u mnie sprawdza się oś liczbowa narysowana kredą na boisku — dzieci same chodzą po ułamkach."


@contextmanager
def sqlite_url() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="krag-bench-") as tmp:
        yield f"sqlite:///{Path(tmp) / 'krag.db'}"


@contextmanager
def postgres_url() -> Iterator[str | None]:
    """A fresh PostgreSQL database made like the tests make theirs, or None when none answers."""
    import pytest

    from tests.databases import fresh_postgres

    try:
        with fresh_postgres() as url:
            yield url
    except (pytest.skip.Exception, pytest.fail.Exception) as exc:
        print(f"PostgreSQL column skipped: {exc}")
        yield None


def wait_for_background() -> None:
    """Let the work that follows a commit in background threads (search indexing, mail) end."""
    db.session.rollback()  # hold no lock they wait for
    for thread in threading.enumerate():
        if thread is not threading.main_thread():
            thread.join(timeout=60)


@contextmanager
def open_world(url: str) -> Iterator[World]:
    """Migrate ``url``, build the app on it, seed the demo, and hold an app context."""
    migrate.upgrade(url)
    with tempfile.TemporaryDirectory(prefix="krag-bench-dist-") as dist:
        (Path(dist) / "index.html").write_text("<!doctype html><title>Krąg</title>")
        # No message queue and no mail server, whatever the environment says: pokes and mail stay in-process.
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "PWA_DIST": dist, "REDIS_URL": None,
                          "MAIL_URL": None})
        logging.getLogger().setLevel(logging.WARNING)
        with app.app_context():
            try:
                demo.seed(db.session)
                math = db.session.scalars(select(Network.id).where(Network.name == "Sieć matematyków")).one()
                world = World(
                    app=app,
                    anna=find_user_by_email(db.session, "anna.nowak@example.org").id,
                    jan=find_user_by_email(db.session, "jan.kowalski@example.org").id,
                    math=math,
                    demo_threads=list(db.session.scalars(select(Thread.id).where(Thread.network_id == math))),
                )
                db.session.rollback()
                yield world
            finally:
                wait_for_background()  # before the database it writes to goes away
                db.session.remove()
                db.engine.dispose()


def on_both_databases(measure_backend, reps: int, pg: bool = True) -> list:
    """``measure_backend(url, backend, reps)`` on a fresh SQLite database, then on PostgreSQL
    (left out with ``pg=False``, or when none answers): the figures of both, in that order."""
    figures: list = []
    for backend, database in (("SQLite", sqlite_url), ("PostgreSQL", postgres_url))[: 2 if pg else 1]:
        with database() as url:
            if url is not None:
                figures += measure_backend(url, backend, reps)
    return figures
