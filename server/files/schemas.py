"""Arguments of the attachment mutations."""
from marshmallow import ValidationError, validates_schema

from server.fields import Input, Text, UUIDString, sha256_hex
from server.files import names


class FileName(Text):
    """The name she gave the file, without folders or control characters."""

    def _deserialize(self, value, attr, data, **kwargs):
        return names.clean(super()._deserialize(value, attr, data, **kwargs))


class AttachmentAdd(Input):
    id = UUIDString(required=True)
    post_id = UUIDString(load_default=None)
    resource_id = UUIDString(load_default=None)
    sha256 = sha256_hex(required=True)
    name = FileName(required=True)

    @validates_schema
    def _one_parent(self, data, **_kwargs):
        if (data.get("post_id") is None) == (data.get("resource_id") is None):
            message = ["Podaj wpis albo dobrą praktykę, do której należy plik (jedno z dwóch)."]
            raise ValidationError({"post_id": message, "resource_id": message})


class AttachmentRemove(Input):
    id = UUIDString(required=True)
