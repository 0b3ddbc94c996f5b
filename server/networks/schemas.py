"""Arguments of the network mutations."""
from marshmallow import Schema, fields, pre_load, validate

from server.fields import Trimmed, link_token
from server.accounts.models import FUNCTIONS
from server.networks.models import KINDS, RECRUITMENT

NAME = validate.Length(min=3, max=200, error="Nazwa musi mieć od 3 do 200 znaków.")
TOPIC = validate.Length(min=2, max=200, error="Podaj przedmiot lub obszar problemowy (2–200 znaków).")
LONG_TEXT = validate.Length(max=5000, error="Najwyżej 5000 znaków.")
KIND = validate.OneOf(KINDS, error="Wybierz: przedmiotowa lub problemowa.")
RECRUIT = validate.OneOf(RECRUITMENT, error="Wybierz: otwarta lub zamknięta.")
SCHOOL_YEAR = validate.Regexp(r"^20\d\d/20\d\d$", error="Rok szkolny w postaci 2026/2027.")


class RequestCreate(Trimmed):
    id = fields.UUID(required=True)
    name = fields.String(required=True, validate=NAME)
    kind = fields.String(required=True, validate=KIND)
    topic = fields.String(required=True, validate=TOPIC)
    justification = fields.String(required=True, validate=[validate.Length(min=10, error="Uzasadnij wniosek (co najmniej 10 znaków)."), LONG_TEXT])
    recruitment = fields.String(required=True, validate=RECRUIT)
    expected_members = fields.Integer(required=True, strict=True, validate=validate.Range(min=2, max=500, error="Od 2 do 500 osób."))


class RequestApprove(Schema):
    id = fields.UUID(required=True)
    coordinator_id = fields.UUID(required=True)
    network_id = fields.UUID(load_default=None)  # the device may choose it, to show the network at once


class RequestReject(Trimmed):
    id = fields.UUID(required=True)
    reason = fields.String(required=True, validate=validate.Length(min=3, max=2000, error="Podaj powód (3–2000 znaków)."))


class NetworkRef(Schema):
    network_id = fields.UUID(required=True)


class MemberRef(Schema):
    network_id = fields.UUID(required=True)
    user_id = fields.UUID(required=True)


class Invite(Trimmed):
    network_id = fields.UUID(required=True)
    email = fields.Email(required=True, validate=validate.Length(max=254))
    role = fields.String(load_default="member", validate=validate.OneOf(("member", "expert")))
    until = fields.Date(load_default=None)  # an expert's last day
    resend = fields.Boolean(load_default=False)  # she knows one is waiting and means to send another

    @pre_load
    def _lower(self, data, **_kwargs):
        if isinstance(data, dict) and isinstance(data.get("email"), str):
            return data | {"email": data["email"].strip().lower()}
        return data


class NetworkUpdate(Trimmed):
    id = fields.UUID(required=True)
    name = fields.String(validate=NAME)
    topic = fields.String(validate=TOPIC)
    description = fields.String(validate=LONG_TEXT)
    recruitment = fields.String(validate=RECRUIT)
    capacity = fields.Integer(allow_none=True, strict=True, validate=validate.Range(min=2, max=500))


class NetworkContinue(Schema):
    network_id = fields.UUID(required=True)
    id = fields.UUID(required=True)
    school_year = fields.String(load_default=None, validate=SCHOOL_YEAR)


class InvitationAccept(Trimmed):
    """The invitation's token from its link; a name only from someone with no account yet."""

    token = link_token()
    name = fields.String(validate=validate.Length(min=3, max=120, error="Podaj imię i nazwisko (3–120 znaków)."))


class RequestConfirm(Schema):
    """The token from the link that confirms a request made with no account."""

    token = link_token()


class PublicRequestIn(Trimmed):
    """The public request form, from someone with no account yet: who she is, and the request."""

    email = fields.Email(required=True, validate=validate.Length(max=254))
    name = fields.String(required=True, validate=validate.Length(min=3, max=120, error="Podaj imię i nazwisko."))
    function = fields.String(required=True, validate=validate.OneOf(FUNCTIONS))
    request = fields.Nested(RequestCreate(exclude=("id",)), required=True)
