"""Full-text matching: FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL.

Both index the folded text with plain word splitting and match every query term as
a prefix, so diacritics and Polish endings do not stand in the way.
"""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from server.search.folding import fold


def put_many(session: Session, docs: list[tuple[int, str]]) -> None:
    """(Re)index documents by id: executemany, so a push of a thousand posts stays quick."""
    if not docs:
        return
    rows = [{"id": doc_id, "body": fold(body)} for doc_id, body in docs]
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("DELETE FROM search_fts WHERE rowid = :id"), [{"id": r["id"]} for r in rows])
        session.execute(text("INSERT INTO search_fts (rowid, body) VALUES (:id, :body)"), rows)
    else:
        session.execute(text("UPDATE search_doc SET tsv = to_tsvector('simple', :body) WHERE id = :id"), rows)


def drop(session: Session, doc_id: int) -> None:
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("DELETE FROM search_fts WHERE rowid = :id"), {"id": doc_id})


def matching(session: Session, terms: list[str], network_ids: list[str], limit: int) -> list[int]:
    """Ids of documents holding every term (as a prefix), newest first, in the given networks."""
    if not terms or not network_ids:
        return []
    params = {f"n{i}": n for i, n in enumerate(network_ids)} | {"limit": limit}
    networks = ", ".join(f":n{i}" for i in range(len(network_ids)))
    if session.get_bind().dialect.name == "sqlite":
        params["q"] = " ".join(f"{t}*" for t in terms)
        sql = (
            "SELECT d.id FROM search_fts f JOIN search_doc d ON d.id = f.rowid "
            f"WHERE search_fts MATCH :q AND d.network_id IN ({networks}) ORDER BY d.id DESC LIMIT :limit"
        )
    else:
        params["q"] = " & ".join(f"{t}:*" for t in terms)
        sql = (
            "SELECT id FROM search_doc WHERE tsv @@ to_tsquery('simple', :q) "
            f"AND network_id IN ({networks}) ORDER BY id DESC LIMIT :limit"
        )
    return list(session.scalars(text(sql), params))
