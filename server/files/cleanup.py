"""Bytes nobody attached: sent, then never used (a post given up, a device wiped)."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from server.db import utcnow
from server.files import store
from server.files.models import Attachment, FileUpload, StoredFile
from server.hooks import Hook

UNUSED_DAYS = 7  # a device offline for a week uploads again: HEAD says 404, PUT, attach
# Columns of other domains that keep a stored file while they name it (org: the Poradnia's logo);
# each listener answers ``fn() -> column``.
kept = Hook("columns that keep a stored file")


def forget_unattached(session: Session, root: Path, now: datetime | None = None) -> int:
    """Delete files no attachment has ever pointed at, uploaded more than a week ago; return how many.
    A file another domain names (the Poradnia's logo, see `kept`) stays."""
    cutoff = (now or utcnow()) - timedelta(days=UNUSED_DAYS)
    unused = session.scalars(
        select(StoredFile.sha256).where(StoredFile.created_at < cutoff,
                                        ~exists().where(Attachment.sha256 == StoredFile.sha256),
                                        *(~exists().where(column == StoredFile.sha256) for column in kept()))
    ).all()
    if unused:
        session.execute(delete(FileUpload).where(FileUpload.sha256.in_(unused)))
        session.execute(delete(StoredFile).where(StoredFile.sha256.in_(unused)))
    session.commit()
    for sha256 in unused:
        if session.get(StoredFile, sha256) is None:  # nobody sent it again meanwhile
            store.path(root, sha256).unlink(missing_ok=True)
            store.thumbnail_path(root, sha256).unlink(missing_ok=True)
    session.rollback()
    store.sweep(root)
    return len(unused)
