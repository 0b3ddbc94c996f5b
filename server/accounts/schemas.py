from marshmallow import Schema, fields, validate


class EmailLinkIn(Schema):
    email = fields.Email(required=True, validate=validate.Length(max=254))


class UserOut(Schema):
    id = fields.String()
    name = fields.String()
    email = fields.String()
    is_staff = fields.Boolean()
    school_id = fields.String(allow_none=True)


email_link_in = EmailLinkIn()
user_out = UserOut()
