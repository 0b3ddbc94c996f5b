"""Forum categories, set by the network's coordinator."""
from __future__ import annotations

from sqlalchemy import func, select
from sync import Rejected
from sync.context import MutationContext

from server.forum.models import DEFAULT_CATEGORIES, Category, Thread
from server.networks import rights
from server.networks.models import Network
from server.scopes import network_scope


def publish(ctx: MutationContext, category: Category) -> None:
    ctx.put("category", category, [network_scope(category.network_id)])


def add_defaults(ctx: MutationContext, network: Network) -> None:
    """Every new network starts with "Ogłoszenia", "Wymiana doświadczeń", "Pytania początkujących"."""
    for position, name in enumerate(DEFAULT_CATEGORIES):
        publish(ctx, Category(network_id=network.id, name=name, position=position))


def find(ctx: MutationContext, category_id: str, network_id: str) -> Category:
    category = ctx.session.get(Category, category_id)
    if category is None or category.network_id != network_id:
        raise Rejected("invalid", "Nie ma takiej kategorii w tej sieci.", {"category_id": ["Wybierz kategorię z listy."]})
    return category


def create(ctx: MutationContext, args: dict) -> None:
    network_id = str(args["network_id"])
    rights.writable(rights.require_manager(ctx, network_id))
    position = args["position"]
    if position is None:
        position = ctx.session.scalar(select(func.count()).where(Category.network_id == network_id))
    publish(ctx, Category(id=str(args["id"]), network_id=network_id, name=args["name"], position=position))


def _managed(ctx: MutationContext, category_id: str) -> Category:
    category = ctx.session.get(Category, category_id)
    if category is None:
        raise Rejected("not_found", "Nie ma takiej kategorii.")
    rights.writable(rights.require_manager(ctx, category.network_id))
    return category


def update_(ctx: MutationContext, args: dict) -> None:
    category = _managed(ctx, str(args["id"]))
    for key in ("name", "position"):
        if key in args:
            setattr(category, key, args[key])
    publish(ctx, category)


def delete(ctx: MutationContext, args: dict) -> None:
    """Its threads stay, without a category."""
    category = _managed(ctx, str(args["id"]))
    threads = ctx.session.scalars(select(Thread).where(Thread.category_id == category.id)).all()
    scope = [network_scope(category.network_id)]
    for thread in threads:
        thread.category_id = None
        ctx.put("thread", thread, scope)
    ctx.session.flush()  # threads let go of it before it goes
    ctx.remove(category)
    ctx.delete("category", category.id, scope)
