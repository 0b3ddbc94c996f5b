"""Co-edited documents: Yjs rooms over y-websocket's framing, and their append-only store.

Like the rest of ``sync/`` it knows no Flask and no domain. A domain names a document
kind and who may read or edit it (:class:`~sync.docs.kinds.DocKinds`, filled through
``Registry.docs``); :class:`~sync.docs.rooms.Docs` answers the messages of one process's
open documents and says what to send to whom; the transport (Socket.IO, HTTP) is the
server's. Every update is in the database before anything is acknowledged or relayed.
"""
from sync.docs.kinds import DocKinds, UnknownDoc
from sync.docs.rooms import Docs, Outcome
from sync.docs.store import DocStore

__all__ = ["DocKinds", "DocStore", "Docs", "Outcome", "UnknownDoc"]
