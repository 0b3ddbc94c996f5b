from marshmallow import Schema, fields, pre_load, validate

from server.accounts.models import FORMS_OF_ADDRESS, FUNCTIONS, LANGS
from server.fields import Email, Input, Text, Trimmed, UUIDString, link_token


class EmailLinkIn(Input):
    email = Email(required=True, validate=validate.Length(max=254))

    @pre_load
    def _tidy(self, data, **_kwargs):
        # Phone keyboards add a trailing space and a capital letter.
        if isinstance(data, dict) and isinstance(data.get("email"), str):
            return data | {"email": data["email"].strip().lower()}
        return data


class UserOut(Schema):
    id = fields.String()
    name = fields.String()
    email = fields.String()
    is_staff = fields.Boolean()
    school_id = fields.String(allow_none=True)
    lang = fields.String()  # her letters' language ('pl'|'en')


email_link_in = EmailLinkIn()
user_out = UserOut()


class LinkIn(Input):
    """What the sign-in link's screen posts: the token from the address."""

    token = link_token()


link_in = LinkIn()


class ProfileUpdate(Trimmed):
    name = Text(validate=validate.Length(min=3, max=120, error="Imię i nazwisko: 3–120 znaków."))
    school_id = UUIDString(allow_none=True)
    function = Text(validate=validate.OneOf(FUNCTIONS))
    form_of_address = Text(allow_none=True, validate=validate.OneOf(FORMS_OF_ADDRESS))  # null: neutral
    subjects = fields.List(Text(validate=validate.Length(min=2, max=60)), validate=validate.Length(max=12))
    share_email = fields.Boolean()  # her networks see her e-mail address (contact rows)
    lang = Text(validate=validate.OneOf(LANGS))  # the language of her letters (the app's, when she switches)


class CalendarReset(Input):
    """No arguments: a new secret for her calendar feed."""


class SessionRevoke(Input):
    """One of her signed-in devices, by its public id (her list of devices)."""

    id = UUIDString(required=True)


class SessionRevokeOthers(Input):
    """No arguments: every device of hers but this one is signed out."""
