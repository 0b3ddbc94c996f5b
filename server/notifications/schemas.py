from marshmallow import Schema, fields, validate

from server.notifications.models import EMAIL_MODES


class MarkRead(Schema):
    ids = fields.List(fields.UUID(), load_default=list, validate=validate.Length(max=500))  # empty: all of hers


class PrefSet(Schema):
    network_id = fields.UUID(required=True)
    email = fields.String(required=True, validate=validate.OneOf(EMAIL_MODES, error="Wybierz: od razu, codziennie, co tydzień albo nigdy."))
