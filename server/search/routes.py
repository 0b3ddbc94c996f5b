"""GET /api/search: what the user may see, in folded Polish, with a snippet around the match."""
from __future__ import annotations

from flask import Blueprint, jsonify, request
from marshmallow import EXCLUDE, Schema, fields, validate
from sqlalchemy import select

from server.accounts.auth import current_user_id, login_required
from server.extensions import db, sync_engine
from server.search import backends
from server.search.folding import fold, query_terms
from server.search.models import SearchDoc

bp = Blueprint("search", __name__)
SNIPPET = 80


class SearchIn(Schema):
    class Meta:
        unknown = EXCLUDE

    q = fields.String(required=True, validate=validate.Length(min=1, max=200))
    network_id = fields.UUID(load_default=None)
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=50))


search_in = SearchIn()


@bp.get("/api/search")
@login_required
def search():
    args = search_in.load(request.args)
    db.read_only()
    readable = sorted(s.split(":", 1)[1] for s in sync_engine().registry.visible_scopes(db.session, current_user_id())
                      if s.startswith("network:"))
    if args["network_id"]:
        readable = [n for n in readable if n == str(args["network_id"])]
    terms = query_terms(args["q"])
    ids = backends.matching(db.session, terms, readable, args["limit"])
    docs = {d.id: d for d in db.session.scalars(select(SearchDoc).where(SearchDoc.id.in_(ids)))} if ids else {}
    results = [_result(docs[i], terms) for i in ids if i in docs]
    db.session.rollback()
    return jsonify({"results": results})


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
