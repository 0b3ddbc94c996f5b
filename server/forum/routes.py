"""Older pages of a thread, fetched on demand by a device that keeps only recent history;
a network's forum exported as one JSON file."""
from __future__ import annotations

from flask import Blueprint, jsonify, request
from marshmallow import EXCLUDE, Schema, fields, validate
from sqlalchemy import select

from server.accounts.auth import current_user_id, login_required
from server.errors import ApiError
from server.extensions import db, sync_engine
from server.files.models import Attachment
from server.forum import export
from server.forum.models import Post, PostRevision, Reaction, Thread
from server.scopes import network_scope

bp = Blueprint("forum", __name__)


class OlderIn(Schema):
    class Meta:
        unknown = EXCLUDE

    before = fields.AwareDateTime(load_default=None)
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))


older_in = OlderIn()


@bp.get("/api/threads/<thread_id>/posts")
@login_required
def older_posts(thread_id: str):
    """Posts of a thread older than ``before``, newest first, as pull-shaped changes,
    with what hangs on them: attachments, and the marks and edit history that a
    windowed pull leaves out for posts older than its window."""
    args = older_in.load(request.args)
    db.read_only()
    thread = db.session.get(Thread, thread_id)
    scope = network_scope(thread.network_id) if thread else None
    if thread is None or scope not in sync_engine().registry.visible_scopes(db.session, current_user_id()):
        raise ApiError(404, "not_found", "Nie ma takiego wątku albo nie należysz do tej sieci.")
    query = select(Post).where(Post.thread_id == thread_id, Post.deleted_at.is_(None))
    if args["before"]:
        query = query.where(Post.created_at < args["before"])
    posts = db.session.scalars(query.order_by(Post.created_at.desc()).limit(args["limit"] + 1)).all()
    more, posts = len(posts) > args["limit"], posts[: args["limit"]]
    changes = [_put("post", p, scope) for p in posts]
    if posts:
        ids = [p.id for p in posts]
        hanging = (
            ("attachment", select(Attachment).where(Attachment.post_id.in_(ids), Attachment.deleted_at.is_(None))),
            ("reaction", select(Reaction).where(Reaction.post_id.in_(ids))),
            ("post_revision", select(PostRevision).where(PostRevision.post_id.in_(ids)).order_by(PostRevision.id)),
        )
        for type_, rows in hanging:
            changes += [_put(type_, row, scope) for row in db.session.scalars(rows)]
    db.session.rollback()
    return jsonify({"changes": changes, "more": more})


def _put(type_: str, obj, scope: str) -> dict:
    return {"type": type_, "id": str(obj.id), "op": "put", "scope": scope, "data": sync_engine().registry.serializers[type_](obj)}


@bp.get("/api/networks/<network_id>/export")
@login_required
def export_network(network_id: str):
    body = export.for_member(db.session, network_id, current_user_id())
    if body is None:
        raise ApiError(404, "not_found", "Nie ma takiej sieci albo nie należysz do niej.")
    response = jsonify(body)
    response.headers["Content-Disposition"] = f'attachment; filename="siec-{network_id}.json"'
    return response
