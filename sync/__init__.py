"""Krąg's sync engine: push, pull, scopes and the change log.

It knows no Flask and no domain. Domains register their mutators, their row
types and their visibility rule with a :class:`~sync.registry.Registry`.
"""
from sync.engine import SyncEngine
from sync.errors import Rejected
from sync.guard import WriteOutsideMutation
from sync.registry import Registry

__all__ = ["Registry", "Rejected", "SyncEngine", "WriteOutsideMutation"]
