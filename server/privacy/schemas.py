"""Arguments of `account.delete`."""
from __future__ import annotations

from marshmallow import fields

from server.fields import Input, UUIDString


class AccountDelete(Input):
    """Her own account (no ``user_id``), or, for a Poradnia admin, someone's on her request."""

    user_id = UUIDString(load_default=None)
    remove_posts = fields.Boolean(load_default=False)  # her posts and good practices go too
