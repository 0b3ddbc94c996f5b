"""A small network with one person in every role, built the way the server builds things."""
from __future__ import annotations

import uuid
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


@dataclass
class World:
    users: dict[str, str] = field(default_factory=dict)  # role → user id
    emails: dict[str, str] = field(default_factory=dict)
    network_id: str = ""
    thread_id: str = ""
    request_id: str = ""
    pending_id: str = ""  # someone waiting to be let in
    posts: dict[str, str] = field(default_factory=dict)  # role → a post of hers


def build(session: Session, recruitment: str = "open") -> World:
    world = World()
    people = {}
    with engine.writing(session, new_id()) as ctx:  # the admin sets it up, her own account first
        for role in (*ROLES, "pending"):
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
        publish.membership(ctx, Membership(network_id=net.id, user_id=world.pending_id, role="member", status="pending"))
    world.network_id = net.id

    world.thread_id = str(uuid.uuid4())
    with engine.writing(session, world.users["member"]) as ctx:
        engine.run(ctx, "thread.create", {"id": world.thread_id, "network_id": net.id, "title": "Wątek", "body": "Start"})
    for role in ("coordinator", "member", "expert"):
        post_id = str(uuid.uuid4())
        with engine.writing(session, world.users[role]) as ctx:
            engine.run(ctx, "post.create", {"id": post_id, "thread_id": world.thread_id, "body": f"Wpis: {role}"})
        world.posts[role] = post_id

    world.request_id = str(uuid.uuid4())
    with engine.writing(session, world.users["outsider"]) as ctx:
        engine.run(ctx, "network_request.create", {
            "id": world.request_id, "name": "Sieć logopedów", "kind": "problem", "topic": "wady wymowy",
            "justification": "Potrzebujemy wymiany doświadczeń.", "recruitment": "open", "expected_members": 8})
    return world
