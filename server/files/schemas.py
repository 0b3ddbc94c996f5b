"""Arguments of the attachment mutations."""
from marshmallow import ValidationError, fields, validate, validates_schema

from server.files import names, uploads
from server.polish import PolishSchema

SHA256 = validate.Regexp(uploads.SHA256, error="Skrót SHA-256 to 64 znaki 0–9 i a–f.")


class FileName(fields.String):
    """The name she gave the file, without folders or control characters."""

    def _deserialize(self, value, attr, data, **kwargs):
        return names.clean(super()._deserialize(value, attr, data, **kwargs))


class AttachmentAdd(PolishSchema):
    id = fields.UUID(required=True)
    post_id = fields.UUID(load_default=None)
    resource_id = fields.UUID(load_default=None)
    sha256 = fields.String(required=True, validate=SHA256)
    name = FileName(required=True)

    @validates_schema
    def _one_parent(self, data, **_kwargs):
        if (data.get("post_id") is None) == (data.get("resource_id") is None):
            message = ["Podaj wpis albo dobrą praktykę, do której należy plik (jedno z dwóch)."]
            raise ValidationError({"post_id": message, "resource_id": message})


class AttachmentRemove(PolishSchema):
    id = fields.UUID(required=True)
