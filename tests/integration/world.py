"""A small network with one person in every role, built the way the server builds things."""
from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.orm import Session

from server.accounts import services as accounts
from server.accounts.publish import person
from server.db import new_id, utcnow
from server.forum import categories
from server.networks import publish
from server.networks.membership import activate
from server.networks.models import Membership, Network
from server.syncing.engine import engine

ROLES = ("admin", "staff", "coordinator", "member", "expert", "outsider")
# docs/roles.md's second table: a member who left, one the coordinator removed, a guest expert past
# her end date (each wrote in the network while in it), and the member signed out (no session).
LATER = ("left", "removed", "expired", "signed_out")


@dataclass
class World:
    users: dict[str, str] = field(default_factory=dict)  # role → user id
    emails: dict[str, str] = field(default_factory=dict)
    network_id: str = ""
    thread_id: str = ""
    request_id: str = ""
    pending_id: str = ""  # someone waiting to be let in
    posts: dict[str, str] = field(default_factory=dict)  # role → a post of hers
    attachments: dict[str, str] = field(default_factory=dict)  # LATER role → a file on her post, attached while in
    practices: dict[str, str] = field(default_factory=dict)  # LATER role → a good practice she added while in


def build(session: Session, recruitment: str = "open", later: bool = False,
          while_in: Callable[[World], None] | None = None) -> World:
    """``later``: the people of the second table (LATER) too; ``while_in(world)`` runs before they
    leave, are removed or pass their end date."""
    world = World()
    extra = ("left", "removed", "expired") if later else ()
    people = {}
    with engine.writing(session, new_id()) as ctx:  # the admin sets it up, her own account first
        for role in (*ROLES, *extra, "pending"):
            email = f"{role}@szkola.example"
            user = accounts.create_user(session, email, f"Osoba {role}", is_staff=role in ("admin", "staff", "coordinator"),
                                        user_id=ctx.user_id if role == "admin" else None)
            user.is_admin = role == "admin"
            people[role] = user
            world.users[role], world.emails[role] = user.id, email
        world.pending_id = people["pending"].id
        for user in people.values():
            person(ctx, user)
        net = Network(name="Sieć testowa", kind="subject", topic="matematyka", recruitment=recruitment,
                      school_year="2026/2027", capacity=20)
        ctx.add(net)
        session.flush()
        publish.network(ctx, net)
        categories.add_defaults(ctx, net)
        activate(ctx, net, people["coordinator"].id, "coordinator")
        activate(ctx, net, people["member"].id, "member")
        activate(ctx, net, people["expert"].id, "expert", utcnow() + timedelta(days=30))
        for role in extra:
            activate(ctx, net, people[role].id, "expert" if role == "expired" else "member",
                     utcnow() + timedelta(days=30) if role == "expired" else None)
        publish.membership(ctx, Membership(network_id=net.id, user_id=world.pending_id, role="member", status="pending"))
    world.network_id = net.id

    world.thread_id = str(uuid.uuid4())
    with engine.writing(session, world.users["member"]) as ctx:
        engine.run(ctx, "thread.create", {"id": world.thread_id, "network_id": net.id, "title": "Wątek", "body": "Start"})
    for role in ("coordinator", "member", "expert", *extra):
        post_id = str(uuid.uuid4())
        with engine.writing(session, world.users[role]) as ctx:
            engine.run(ctx, "post.create", {"id": post_id, "thread_id": world.thread_id, "body": f"Wpis: {role}"})
        world.posts[role] = post_id
    if later:
        if while_in:
            while_in(world)
        _later(session, world)

    world.request_id = str(uuid.uuid4())
    with engine.writing(session, world.users["outsider"]) as ctx:
        engine.run(ctx, "network_request.create", {
            "id": world.request_id, "name": "Sieć logopedów", "kind": "problem", "topic": "wady wymowy",
            "justification": "Potrzebujemy wymiany doświadczeń.", "recruitment": "open", "expected_members": 8})
    return world


def _later(session: Session, world: World) -> None:
    """After they wrote: one member leaves, another is removed, the second expert's last day passes,
    and the signed-out visitor is the member with no session."""
    from sqlalchemy import select

    with engine.writing(session, world.users["left"]) as ctx:
        engine.run(ctx, "membership.leave", {"network_id": world.network_id})
    with engine.writing(session, world.users["coordinator"]) as ctx:
        engine.run(ctx, "membership.remove", {"network_id": world.network_id, "user_id": world.users["removed"]})
    with engine.writing(session, world.users["coordinator"]) as ctx:  # her last day was yesterday
        expired = session.scalars(select(Membership).where(Membership.network_id == world.network_id,
                                                           Membership.user_id == world.users["expired"])).one()
        expired.expires_at = utcnow() - timedelta(days=1)
        publish.membership(ctx, expired)
    world.users["signed_out"], world.emails["signed_out"] = world.users["member"], world.emails["member"]
    world.posts["signed_out"] = world.posts["member"]
