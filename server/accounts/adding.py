"""A person the server adds itself (`krag user add`), published like any other write.

Run inside ``engine.writing`` opened with her new id as the actor, as a link's mutation
is for someone without an account: nobody else acts, so a fresh install can make its first
administrator this way. Not a mutation devices may push: only the server's own command adds
people with rights.
"""
from __future__ import annotations

from marshmallow import fields, validate
from sync.context import MutationContext

from server.accounts import publish, services
from server.accounts.models import User
from server.fields import Email, Text, Trimmed


class PersonIn(Trimmed):
    email = Email(required=True, validate=validate.Length(max=254))
    name = Text(required=True, validate=validate.Length(min=3, max=120, error="Imię i nazwisko: 3–120 znaków."))
    is_staff = fields.Boolean(load_default=False)
    is_admin = fields.Boolean(load_default=False)


person_in = PersonIn()


def add(ctx: MutationContext, args: dict) -> User:
    """Her account with the context's id, to her own scope and (staff) to the staff scope.
    An administrator is always staff: the rights (docs/roles.md) ask for both."""
    user = services.create_user(ctx.session, args["email"], args["name"], user_id=ctx.user_id,
                                is_staff=args["is_staff"] or args["is_admin"])
    user.is_admin = args["is_admin"]
    publish.person(ctx, user)
    return user
