"""Hook points: how a lower package lets a higher one take part without importing it.

The lower package makes a `Hook` and calls it when its moment comes (a network is set up,
a reply is written); a higher package's register.py connects a function to it. So imports
keep one direction (tests/unit/test_import_layers.py) and the reaction still happens in
the same mutation, or after its commit when the lower package calls it from `ctx.on_commit`.
Hooks are connected when server/syncing/engine.py assembles the engine.
"""
from __future__ import annotations

from typing import Any, Callable


class Hook:
    def __init__(self, what: str) -> None:
        self.what = what  # what the moment is, for whoever reads a traceback
        self._listeners: list[Callable[..., Any]] = []

    def connect(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """Call ``fn`` at this point from now on (once, however often it is connected)."""
        if fn not in self._listeners:
            self._listeners.append(fn)
        return fn

    def __call__(self, *args: Any, **kwargs: Any) -> list[Any]:
        """Call every listener in the order they were connected; their answers, in that order."""
        return [fn(*args, **kwargs) for fn in self._listeners]

    def __repr__(self) -> str:
        return f"<Hook {self.what}: {len(self._listeners)} listening>"
