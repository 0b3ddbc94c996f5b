"""Errors the engine and the mutators raise."""
from __future__ import annotations


class Rejected(Exception):
    """A mutation refused on purpose: bad input, no right, nothing to act on.

    Raised by a mutator *before* it writes; the mutation's id still counts as
    processed and the client is told why.
    """

    def __init__(self, code: str, message: str, fields: dict | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.fields = fields

    def as_dict(self) -> dict:
        out = {"code": self.code, "message": self.message}
        if self.fields:
            out["fields"] = self.fields
        return out


class MutatorBug(RuntimeError):
    """A mutator refused after it had already written: the batch is rolled back."""


class ClientNotYours(Exception):
    """A client id already used by another user."""


class BadCursor(ValueError):
    """A cursor this server did not make."""
