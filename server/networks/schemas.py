"""Arguments of the network mutations."""
from marshmallow import fields, pre_load, validate

from server.fields import Email, Input, Text, Trimmed, UUIDString, link_token
from server.accounts.models import FUNCTIONS, LANGS
from server.networks.models import KINDS, RECRUITMENT

NAME = validate.Length(min=3, max=200, error="Nazwa musi mieć od 3 do 200 znaków.")
TOPIC = validate.Length(min=2, max=200, error="Podaj przedmiot lub obszar problemowy (2–200 znaków).")
LONG_TEXT = validate.Length(max=5000, error="Najwyżej 5000 znaków.")
KIND = validate.OneOf(KINDS, error="Wybierz: przedmiotowa lub problemowa.")
RECRUIT = validate.OneOf(RECRUITMENT, error="Wybierz: otwarta lub zamknięta.")
SCHOOL_YEAR = validate.Regexp(r"20\d\d/20\d\d\Z", error="Rok szkolny w postaci 2026/2027.")


class RequestCreate(Trimmed):
    id = UUIDString(required=True)
    name = Text(required=True, validate=NAME)
    kind = Text(required=True, validate=KIND)
    topic = Text(required=True, validate=TOPIC)
    justification = Text(required=True, validate=[validate.Length(min=10, error="Uzasadnij wniosek (co najmniej 10 znaków)."), LONG_TEXT])
    recruitment = Text(required=True, validate=RECRUIT)
    expected_members = fields.Integer(required=True, strict=True, validate=validate.Range(min=2, max=500, error="Od 2 do 500 osób."))


class RequestApprove(Input):
    id = UUIDString(required=True)
    coordinator_id = UUIDString(required=True)
    network_id = UUIDString(load_default=None)  # the device may choose it, to show the network at once


class RequestReject(Trimmed):
    id = UUIDString(required=True)
    reason = Text(required=True, validate=validate.Length(min=3, max=2000, error="Podaj powód (3–2000 znaków)."))


class NetworkRef(Input):
    network_id = UUIDString(required=True)


class JoinNetwork(Trimmed):
    """Asking to join: for a closed network, a few words to its coordinator if she likes."""

    network_id = UUIDString(required=True)
    message = Text(load_default="", validate=validate.Length(max=1000, error="Wiadomość: najwyżej 1000 znaków."))


class MemberRef(Input):
    network_id = UUIDString(required=True)
    user_id = UUIDString(required=True)


class Invite(Trimmed):
    network_id = UUIDString(required=True)
    email = Email(required=True, validate=validate.Length(max=254))
    role = Text(load_default="member", validate=validate.OneOf(("member", "expert")))
    until = fields.Date(load_default=None)  # an expert's last day
    resend = fields.Boolean(load_default=False)  # she knows one is waiting and means to send another

    @pre_load
    def _lower(self, data, **_kwargs):
        if isinstance(data, dict) and isinstance(data.get("email"), str):
            return data | {"email": data["email"].strip().lower()}
        return data


class NetworkUpdate(Trimmed):
    id = UUIDString(required=True)
    name = Text(validate=NAME)
    topic = Text(validate=TOPIC)
    description = Text(validate=LONG_TEXT)
    recruitment = Text(validate=RECRUIT)
    capacity = fields.Integer(allow_none=True, strict=True, validate=validate.Range(min=2, max=500))


class NetworkContinue(Input):
    network_id = UUIDString(required=True)
    id = UUIDString(required=True)
    school_year = Text(load_default=None, validate=SCHOOL_YEAR)


class InvitationAccept(Trimmed):
    """The invitation's token from its link; a name only from someone with no account yet."""

    token = link_token()
    name = Text(validate=validate.Length(min=3, max=120, error="Podaj imię i nazwisko (3–120 znaków)."))


class RequestConfirm(Input):
    """The token from the link that confirms a request made with no account."""

    token = link_token()


class PublicRequestIn(Trimmed):
    """The public request form, from someone with no account yet: who she is, and the request."""

    email = Email(required=True, validate=validate.Length(max=254))
    name = Text(required=True, validate=validate.Length(min=3, max=120, error="Podaj imię i nazwisko."))
    function = Text(required=True, validate=validate.OneOf(FUNCTIONS))
    request = fields.Nested(RequestCreate(exclude=("id",)), required=True)
    lang = Text(validate=validate.OneOf(LANGS))  # the app's: her letter's language (else Accept-Language)
