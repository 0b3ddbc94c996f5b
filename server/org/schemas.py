"""Arguments of the mutations about the Poradnia, schools and staff."""
from marshmallow import Schema, ValidationError, fields, pre_load, validate, validates_schema

from server.fields import Trimmed
from server.org.models import SCHOOL_KINDS

RSPO = validate.Regexp(r"^\d{1,10}$", error="Numer RSPO to same cyfry.")


class SchoolCreate(Trimmed):
    id = fields.UUID(required=True)
    name = fields.String(required=True, validate=validate.Length(min=3, max=200))
    town = fields.String(required=True, validate=validate.Length(min=2, max=120))
    kind = fields.String(required=True, validate=validate.OneOf(SCHOOL_KINDS))
    rspo = fields.String(load_default=None, allow_none=True, validate=RSPO)


class SchoolUpdate(Trimmed):
    id = fields.UUID(required=True)
    name = fields.String(validate=validate.Length(min=3, max=200))
    town = fields.String(validate=validate.Length(min=2, max=120))
    kind = fields.String(validate=validate.OneOf(SCHOOL_KINDS))
    rspo = fields.String(allow_none=True, validate=RSPO)


class PoradniaUpdate(Trimmed):
    name = fields.String(validate=validate.Length(min=3, max=200))
    address = fields.String(validate=validate.Length(min=5, max=300))
    email = fields.Email(allow_none=True)
    # An image she uploaded with PUT /api/files/<sha256>; null takes the logo away.
    logo_sha256 = fields.String(allow_none=True, validate=validate.Regexp(r"^[0-9a-f]{64}$"))


class StaffSet(Schema):
    user_id = fields.UUID(load_default=None)
    email = fields.Email(load_default=None)  # when the admin's phone does not hold her row
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
