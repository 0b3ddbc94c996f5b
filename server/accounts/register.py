"""People on devices: names for fellow members, the whole profile for its owner."""
from __future__ import annotations

from marshmallow import fields, validate
from sync import Registry, Rejected
from sync.context import MutationContext

from server.accounts import publish
from server.accounts.models import FUNCTIONS, User
from server.fields import Trimmed
from server.org.models import School


def serialize_user(user: User) -> dict:
    return {
        "id": user.id,
        "name": user.name,
        "school_id": user.school_id,
        "function": user.function,
        "subjects": user.subjects or [],
        "is_staff": user.is_staff,
        "is_admin": user.is_admin,
    }


class ProfileUpdate(Trimmed):
    name = fields.String(validate=validate.Length(min=3, max=120, error="Imię i nazwisko: 3–120 znaków."))
    school_id = fields.UUID(allow_none=True)
    function = fields.String(validate=validate.OneOf(FUNCTIONS))
    subjects = fields.List(fields.String(validate=validate.Length(min=2, max=60)), validate=validate.Length(max=12))


def update_profile(ctx: MutationContext, args: dict) -> None:
    """Each person keeps her own profile; fellow members see the new name everywhere."""
    if args.get("school_id") and ctx.session.get(School, str(args["school_id"])) is None:
        raise Rejected("invalid", "Nie ma takiej szkoły.", {"school_id": ["Wybierz szkołę z listy."]})
    user = ctx.session.get(User, ctx.user_id)
    for key in ("name", "function", "subjects"):
        if key in args:
            setattr(user, key, args[key])
    if "school_id" in args:
        user.school_id = str(args["school_id"]) if args["school_id"] else None
    publish.person(ctx, user)


def register(registry: Registry) -> None:
    registry.row_type("user", serialize_user)
    registry.mutator("profile.update", ProfileUpdate())(update_profile)
