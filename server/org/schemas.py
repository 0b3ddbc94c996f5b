"""Arguments of the mutations about the Poradnia, schools and staff."""
from marshmallow import ValidationError, fields, pre_load, validate, validates_schema

from server.fields import Email, Input, Text, Trimmed, UUIDString, sha256_hex
from server.org.models import SCHOOL_KINDS

RSPO = validate.Regexp(r"\d{1,10}\Z", error="Numer RSPO to same cyfry.")


class SchoolCreate(Trimmed):
    id = UUIDString(required=True)
    name = Text(required=True, validate=validate.Length(min=3, max=200))
    town = Text(required=True, validate=validate.Length(min=2, max=120))
    kind = Text(required=True, validate=validate.OneOf(SCHOOL_KINDS))
    rspo = Text(load_default=None, allow_none=True, validate=RSPO)


class SchoolUpdate(Trimmed):
    id = UUIDString(required=True)
    name = Text(validate=validate.Length(min=3, max=200))
    town = Text(validate=validate.Length(min=2, max=120))
    kind = Text(validate=validate.OneOf(SCHOOL_KINDS))
    rspo = Text(allow_none=True, validate=RSPO)


class PoradniaUpdate(Trimmed):
    name = Text(validate=validate.Length(min=3, max=200))
    address = Text(validate=validate.Length(min=5, max=300))
    email = Email(allow_none=True)
    # An image she uploaded with PUT /api/files/<sha256>; null takes the logo away.
    logo_sha256 = sha256_hex(allow_none=True)


class StaffSet(Input):
    user_id = UUIDString(load_default=None)
    email = Email(load_default=None)  # when the admin's phone does not hold her row
    is_staff = fields.Boolean(required=True)
    is_admin = fields.Boolean(load_default=False)

    @validates_schema
    def _someone(self, data, **_kwargs):
        if not data.get("user_id") and not data.get("email"):
            raise ValidationError("Wskaż osobę albo podaj jej adres e-mail.", "email")

    @pre_load
    def _lower(self, data, **_kwargs):
        if isinstance(data, dict) and isinstance(data.get("email"), str):
            return data | {"email": data["email"].strip().lower()}
        return data
