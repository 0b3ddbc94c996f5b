"""The network's library of good practices ("dobre praktyki")."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, utcnow

# Stages of Polish schooling a practice is meant for (null: any).
SCHOOL_LEVELS = ("przedszkole", "klasy_1_3", "klasy_4_8", "ponadpodstawowa")
KINDS = ("file", "link")  # described here (with attachments, if any) | a page elsewhere


class Resource(Base):
    __tablename__ = "resource"
    __table_args__ = (  # a post is promoted once (again only after that practice is deleted)
        Index("uq_resource_from_post_live", "from_post_id", unique=True,
              sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id", name="fk_resource_network_id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    school_level: Mapped[str | None] = mapped_column(String(24))
    subject: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(8))
    url: Mapped[str | None] = mapped_column(String(2000))  # links only: http or https
    author_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_resource_author_id"))
    from_post_id: Mapped[str | None] = mapped_column(ForeignKey("post.id", name="fk_resource_from_post_id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None]
    edited_by: Mapped[str | None] = mapped_column(ForeignKey("user_account.id", name="fk_resource_edited_by"))
    deleted_at: Mapped[datetime | None]  # a tombstone: the row stays, devices forget it
