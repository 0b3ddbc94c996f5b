"""Arguments of the attachment mutations."""
from marshmallow import ValidationError, validates_schema

from server.fields import Input, Text, UUIDString, sha256_hex
from server.files import names


class FileName(Text):
    """The name she gave the file, without folders or control characters."""

    def _deserialize(self, value, attr, data, **kwargs):
        return names.clean(super()._deserialize(value, attr, data, **kwargs))


PARENTS = ("post_id", "resource_id", "meeting_id")  # what a file may hang under: exactly one


class AttachmentAdd(Input):
    id = UUIDString(required=True)
    post_id = UUIDString(load_default=None)
    resource_id = UUIDString(load_default=None)
    meeting_id = UUIDString(load_default=None)
    sha256 = sha256_hex(required=True)
    name = FileName(required=True)

    @validates_schema
    def _one_parent(self, data, **_kwargs):
        given = [key for key in PARENTS if data.get(key) is not None]
        if len(given) != 1:
            message = ["Podaj jedno: wpis, dobrą praktykę albo spotkanie, do którego należy plik."]
            raise ValidationError({key: message for key in (given if len(given) > 1 else PARENTS[:2])})


class AttachmentRemove(Input):
    id = UUIDString(required=True)
