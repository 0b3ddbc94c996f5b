"""Named versions of a co-edited document: `doc_version.create` keeps the whole document as
the server holds it when the mutation runs, under a name; devices list them from the pull
(`doc_version` rows, to whoever may read the document) and fetch one's bytes by HTTP
(routes.py). Restoring is the device's: it makes the document say what the version says as
a new, ordinary edit, so nothing written since is lost (docs/sync-protocol.md)."""
from __future__ import annotations

from sync import Rejected
from sync.context import MutationContext
from sync.docs import DocStore, UnknownDoc

from server.db import iso, utcnow
from server.docs import rights
from server.docs.models import DocVersion
from server.extensions import sync_engine
from server.scopes import network_scope

INVALID = "Niepoprawne dane."
NO_DOC = "Nie ma takiego dokumentu."
FORBIDDEN = "Nie masz dostępu do tego dokumentu."
READ_ONLY = "Ten dokument możesz tylko czytać, więc nie zapiszesz jego wersji."
TAKEN = "Taka wersja już jest."


def serialize(v: DocVersion) -> dict:
    return {"id": v.id, "doc": v.doc_id, "network_id": v.network_id, "name": v.name, "created_by": v.created_by,
            "created_at": iso(v.created_at), "seq": v.seq, "size": v.size}


def create(ctx: MutationContext, args: dict) -> None:
    doc_id = args["doc"]
    try:
        access = sync_engine().registry.docs.access(ctx.session, ctx.user_id, doc_id)
    except UnknownDoc:
        raise Rejected("invalid", INVALID, {"doc": [NO_DOC]}) from None
    if access is None:
        raise Rejected("forbidden", FORBIDDEN)
    if access != "edit":
        raise Rejected("forbidden", READ_ONLY)
    if ctx.session.get(DocVersion, args["id"]) is not None:
        raise Rejected("conflict", TAKEN)
    network_id = rights.network_of(ctx.session, doc_id)
    # Read in the mutation's own transaction: every update committed when it runs, merged.
    state, seq = DocStore().read(ctx.session, doc_id)
    v = DocVersion(id=args["id"], doc_id=doc_id, network_id=network_id, name=args["name"], created_by=ctx.user_id,
                   created_at=utcnow(), seq=seq, size=len(state), state=state)
    ctx.put("doc_version", v, [network_scope(network_id)])
