"""A network's forum as one JSON file, for its members (archived networks too)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.accounts.models import User
from server.db import iso, utcnow
from server.forum.models import Post, Thread
from server.networks.models import Membership, Network
from server.networks.rights import is_active


def for_member(session: Session, network_id: str, user_id: str) -> dict | None:
    network = session.get(Network, network_id)
    member = session.scalars(
        select(Membership).where(Membership.network_id == network_id, Membership.user_id == user_id,
                                 Membership.status == "active")
    ).first()
    if network is None or not is_active(member):  # a guest expert past her last day neither
        return None
    names = dict(session.execute(
        select(User.id, User.name).join(Membership, Membership.user_id == User.id)
        .where(Membership.network_id == network_id)
    ).all())
    posts: dict[str, list[dict]] = {}
    for post in session.scalars(
        select(Post).where(Post.network_id == network_id, Post.deleted_at.is_(None)).order_by(Post.created_at)
    ):
        posts.setdefault(post.thread_id, []).append(
            {"author": names.get(post.author_id, ""), "created_at": iso(post.created_at),
             "edited_at": iso(post.edited_at), "body": post.body}
        )
    threads = [
        {"title": t.title, "author": names.get(t.author_id, ""), "created_at": iso(t.created_at),
         "posts": posts.get(t.id, [])}
        for t in session.scalars(select(Thread).where(Thread.network_id == network_id).order_by(Thread.created_at))
    ]
    return {
        "network": {"name": network.name, "school_year": network.school_year, "status": network.status,
                    "topic": network.topic, "description": network.description},
        "exported_at": iso(utcnow()),
        "threads": threads,
    }
