"""GET /api/audit: the audit log, for the Poradnia's administrators only, newest first, a page
at a time (``before``: the ``next`` of the page before), by kind and by person."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from marshmallow import EXCLUDE, fields, validate

from server.accounts import audit
from server.accounts.auth import current_user_id, login_required
from server.accounts.models import User
from server.errors import ApiError
from server.extensions import db
from server.fields import Input, Text, UUIDString

bp = Blueprint("audit", __name__)


class AuditIn(Input):
    class Meta:
        unknown = EXCLUDE

    kind = Text(load_default=None, validate=validate.OneOf(audit.KINDS))
    person = UUIDString(load_default=None)
    before = fields.Integer(load_default=None, validate=validate.Range(min=1, max=2**31 - 1))  # the id column's range
    limit = fields.Integer(load_default=audit.PAGE, validate=validate.Range(min=1, max=200))


audit_in = AuditIn()


@bp.get("/api/audit")
@login_required
def audit_log():
    args = audit_in.load(request.args)
    db.read_only()  # a GET reads: it takes no write lock
    me = db.session.get(User, current_user_id())
    if me is None or not (me.is_staff and me.is_admin):
        db.session.rollback()
        raise ApiError(403, "forbidden", "Dziennik zdarzeń widzi tylko administrator poradni.")
    answer = audit.page(db.session, args["kind"], args["person"], args["before"], args["limit"])
    db.session.rollback()
    return jsonify(answer | {"kinds": list(audit.KINDS), "days": current_app.config["AUDIT_DAYS"]})
