"""Krąg's one sync engine: every domain registers here; commits poke the rooms.

This is the top of the server's layers: it imports every domain, and none imports it
(a route reaches the engine through server.extensions.sync_engine()).
"""
from __future__ import annotations

from sync import Registry, SyncEngine

from server.accounts import passkey_register as passkeys
from server.accounts import register as accounts
from server.docs import register as docs
from server.extensions import db
from server.files import register as files
from server.forum import register as forum
from server.library import register as library
from server.meetings import register as meetings
from server.networks import membership
from server.networks import register as networks
from server.notifications import register as notifications
from server.org import register as org
from server.plans import register as plans
from server.privacy import register as privacy
from server.reports import register as reports
from server.search import indexer
from server.surveys import register as surveys
from server.syncing import live, messages, pokes

# Every domain that tells the engine anything, lowest layer first (docs/architecture.md).
DOMAINS = (accounts, passkeys, networks, files, forum, library, notifications, org, meetings, surveys, docs, reports, plans,
           privacy)


def after_commit(scopes: list[str]) -> None:
    """After a commit: tell the devices in each touched scope's room to pull (coalesced per scope:
    server/syncing/pokes.py); index what changed."""
    for scope in scopes:
        pokes.coalescer.poke(scope)
    indexer.kick(scopes)


registry = Registry()
for domain in DOMAINS:
    domain.register(registry)
# Her open apps start or stop getting a network's pokes right after the commit that changed it.
membership.access_changed.connect(live.set_access)

engine = SyncEngine(registry, notify=after_commit, messages=messages.ENGINE)
engine.guard(db.session)  # a row devices hold, written outside a mutation, fails loudly
