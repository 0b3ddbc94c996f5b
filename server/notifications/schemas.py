from marshmallow import fields, validate

from server.fields import Input, Text, UUIDString
from server.notifications.models import EMAIL_MODES


class MarkRead(Input):
    ids = fields.List(UUIDString(), load_default=list, validate=validate.Length(max=500))  # empty: all of hers


class PrefSet(Input):
    network_id = UUIDString(required=True)
    email = Text(required=True, validate=validate.OneOf(EMAIL_MODES, error="Wybierz: od razu, codziennie, co tydzień albo nigdy."))
