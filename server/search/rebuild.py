"""Rebuilding the search index from the change log, from the beginning."""
from __future__ import annotations

from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from server.search.indexer import catch_up
from server.search.models import SearchCursor, SearchDoc


def rebuild(session: Session) -> int:
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("DELETE FROM search_fts"))
    session.execute(delete(SearchDoc))
    session.execute(delete(SearchCursor))
    session.commit()
    return catch_up(session)
