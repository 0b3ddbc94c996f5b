"""Krąg's one sync engine: every domain registers here; commits poke the rooms."""
from __future__ import annotations

from sync import Registry, SyncEngine

from server.accounts import register as accounts
from server.extensions import socketio
from server.files import register as files
from server.forum import register as forum
from server.library import register as library
from server.networks import register as networks
from server.org import services as org
from server.search import indexer
from server.syncing import messages


def after_commit(scopes: list[str]) -> None:
    """After a commit: tell the devices in each touched scope's room to pull; index what changed."""
    for scope in scopes:
        socketio.emit("poke", {"scope": scope}, to=scope)
    indexer.kick(scopes)


registry = Registry()
for domain in (accounts, org, networks, forum, files, library):
    domain.register(registry)

engine = SyncEngine(registry, notify=after_commit, messages=messages.ENGINE)
