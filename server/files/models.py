"""Stored bytes (by SHA-256), who has uploaded them, and attachments that point at them."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.db import Base, utcnow


class StoredFile(Base):
    """One file's bytes, kept once under instance/files whoever sends them."""

    __tablename__ = "stored_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    mime: Mapped[str] = mapped_column(String(100))  # sniffed from the bytes, never taken from the sender
    size: Mapped[int] = mapped_column(BigInteger)
    has_thumbnail: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FileUpload(Base):
    """She has sent these bytes herself: knowing a hash alone never lets anyone attach a file."""

    __tablename__ = "file_upload"

    sha256: Mapped[str] = mapped_column(ForeignKey("stored_file.sha256", name="fk_file_upload_sha256"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_file_upload_user_id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Attachment(Base):
    """A stored file shown under a forum post, a good practice or a meeting, with the name it was sent under."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint("(CASE WHEN post_id IS NULL THEN 0 ELSE 1 END + CASE WHEN resource_id IS NULL THEN 0 ELSE 1 END"
                        " + CASE WHEN meeting_id IS NULL THEN 0 ELSE 1 END) = 1", name="ck_attachment_one_parent"),
        Index("ix_attachment_post_id", "post_id"),
        Index("ix_attachment_resource_id", "resource_id"),
        Index("ix_attachment_meeting_id", "meeting_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    post_id: Mapped[str | None] = mapped_column(ForeignKey("post.id", name="fk_attachment_post_id"))
    resource_id: Mapped[str | None] = mapped_column(ForeignKey("resource.id", name="fk_attachment_resource_id"))
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meeting.id", name="fk_attachment_meeting_id"))
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id", name="fk_attachment_network_id"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_file.sha256", name="fk_attachment_sha256"))
    name: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_attachment_author_id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None]  # a tombstone: the row stays, devices forget it

    file: Mapped[StoredFile] = relationship()
