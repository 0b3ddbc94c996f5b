"""What passkey ceremonies and mutations take."""
from __future__ import annotations

from marshmallow import fields, validate

from server.fields import Input, TrimmedString, UUIDString

NAME = validate.Length(min=1, max=60, error="Nazwa klucza: 1–60 znaków.")


class PasskeyRename(Input):
    id = UUIDString(required=True)
    name = TrimmedString(required=True, validate=NAME)


class PasskeyRemove(Input):
    id = UUIDString(required=True)


class SigninLinkIssue(Input):
    """Staff send a one-time sign-in link to her own address."""

    user_id = UUIDString(required=True)


class RegisterVerifyIn(Input):
    """The browser's answer (PublicKeyCredential as JSON, @simplewebauthn/browser's shape) and a name."""

    credential = fields.Dict(required=True)
    name = TrimmedString(load_default=None, allow_none=True, validate=validate.Length(max=60))


class LoginVerifyIn(Input):
    credential = fields.Dict(required=True)


register_verify_in = RegisterVerifyIn()
login_verify_in = LoginVerifyIn()
