"""A database holding the documents' tables, and Yjs editors made with pycrdt, for the
unit tests of sync/docs (no Flask)."""
from __future__ import annotations

import pycrdt
from sqlalchemy.orm import sessionmaker

from server.db import make_engine
from sync.docs.models import DocsBase


def sessions(tmp_path):
    db = make_engine(f"sqlite:///{tmp_path / 'docs.db'}")
    DocsBase.metadata.create_all(db)
    return db, sessionmaker(db, expire_on_commit=False)


class Editor:
    """One Yjs client's document and the updates its typing makes."""

    def __init__(self, client_id: int | None = None):
        self.doc = pycrdt.Doc(client_id=client_id)
        self.doc["text"] = self.text = pycrdt.Text()
        self.made: list[bytes] = []
        self.doc.observe(lambda event: self.made.append(event.update))

    def type(self, at: int, chars: str) -> bytes:
        self.text.insert(at, chars)
        return self.made[-1]

    def erase(self, at: int, length: int) -> bytes:
        del self.text[at:at + length]
        return self.made[-1]

    def take(self, update: bytes) -> None:
        self.doc.apply_update(update)

    def __str__(self) -> str:
        return str(self.text)


def text_of(update: bytes) -> str:
    doc = pycrdt.Doc()
    doc.apply_update(update)
    return str(doc.get("text", type=pycrdt.Text))
