"""A search: what the user may see, in folded Polish, with a snippet around the match."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sync import Registry

from server.search import backends
from server.search.folding import fold, query_terms
from server.search.models import SearchDoc

SNIPPET = 80


def find(session: Session, registry: Registry, user_id: str, q: str, network_id: str | None, limit: int) -> list[dict]:
    """Matches in the networks she reads now (``network_id``: in that one only), best first."""
    readable = sorted(s.split(":", 1)[1] for s in registry.visible_scopes(session, user_id)
                      if s.startswith("network:"))
    if network_id:
        readable = [n for n in readable if n == str(network_id)]
    terms = query_terms(q)
    ids = backends.matching(session, terms, readable, limit)
    docs = {d.id: d for d in session.scalars(select(SearchDoc).where(SearchDoc.id.in_(ids)))} if ids else {}
    return [_result(docs[i], terms) for i in ids if i in docs]


def _result(doc: SearchDoc, terms: list[str]) -> dict:
    out = {"type": doc.kind, "id": doc.row_id, "network_id": doc.network_id, "snippet": snippet(doc.text, terms)}
    if doc.thread_id:
        out["thread_id"] = doc.thread_id
    return out


def snippet(text: str, terms: list[str]) -> str:
    """About 160 characters around the first match; folding keeps offsets, so cut the original."""
    folded = fold(text)
    hits = [folded.find(t) for t in terms if folded.find(t) >= 0]
    at = min(hits) if hits else 0
    start, end = max(0, at - SNIPPET), min(len(text), at + SNIPPET)
    cut = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + cut + ("…" if end < len(text) else "")
