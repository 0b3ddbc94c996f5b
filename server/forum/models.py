"""The forum: categories, threads, posts, their edit history, reactions and each reader's state."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.db import Base, new_id, utcnow

DEFAULT_CATEGORIES = ("Ogłoszenia", "Wymiana doświadczeń", "Pytania początkujących")


class Category(Base):
    __tablename__ = "category"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Thread(Base):
    __tablename__ = "thread"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    category_id: Mapped[str | None] = mapped_column(ForeignKey("category.id"))
    title: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"))
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Live posts, first one included. Changed only by adding to it in SQL
    # (forum/posts.py, count_posts), so concurrent pushes never lose a reply.
    post_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Post(Base):
    __tablename__ = "post"
    __table_args__ = (
        Index("ix_post_thread_created", "thread_id", "created_at"),
        Index("ix_post_thread_author", "thread_id", "author_id"),  # who took part, per person
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    thread_id: Mapped[str] = mapped_column(ForeignKey("thread.id"))
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    # Markdown as written. Devices render it (sanitized there too); the server renders
    # and sanitizes it for e-mail and exports, never on the push path.
    body: Mapped[str] = mapped_column(Text)
    reply_to_id: Mapped[str | None] = mapped_column(String(36))  # the post it quotes
    mentions: Mapped[list[str]] = mapped_column(JSON, default=list)
    author_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]  # a tombstone: the row stays, devices forget it

    # Declared so a flush inserts a new thread before its first post.
    thread: Mapped[Thread] = relationship(lazy="raise")


class PostRevision(Base):
    """Text a later edit replaced: nothing a user wrote is lost by accident."""

    __tablename__ = "post_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    post_id: Mapped[str] = mapped_column(ForeignKey("post.id"), index=True)
    body: Mapped[str] = mapped_column(Text)
    replaced_at: Mapped[datetime] = mapped_column(default=utcnow)
    client_id: Mapped[str | None] = mapped_column(String(64))

    post: Mapped[Post] = relationship(lazy="raise")


class Reaction(Base):
    """A "pomocne" (helpful) mark; one per person and post."""

    __tablename__ = "reaction"

    post_id: Mapped[str] = mapped_column(ForeignKey("post.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True, default="helpful")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def id(self) -> str:
        """How devices name it."""
        return f"{self.post_id}:{self.user_id}"


class ThreadState(Base):
    """One reader's state of one thread, the same on all her devices."""

    __tablename__ = "thread_state"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id"), index=True)
    thread_id: Mapped[str] = mapped_column(ForeignKey("thread.id"), index=True)
    read_at: Mapped[datetime | None]
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
