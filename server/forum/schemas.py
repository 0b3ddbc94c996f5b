"""Arguments of the forum's mutations."""
from marshmallow import fields, validate

from server.fields import Input, TrimmedString, UUIDString

TITLE = validate.Length(min=1, max=200, error="Tytuł musi mieć od 1 do 200 znaków.")
BODY = validate.Length(min=1, max=20_000, error="Treść musi mieć od 1 do 20 000 znaków.")
CATEGORY = validate.Length(min=2, max=80, error="Nazwa kategorii: od 2 do 80 znaków.")
MENTIONS = validate.Length(max=50, error="Najwyżej 50 wzmianek.")


class ThreadCreate(Input):
    id = UUIDString(required=True)
    network_id = UUIDString(required=True)
    title = TrimmedString(required=True, validate=TITLE)
    body = TrimmedString(required=True, validate=BODY)
    post_id = UUIDString(load_default=None)
    category_id = UUIDString(load_default=None)
    mentions = fields.List(UUIDString(), load_default=list, validate=MENTIONS)


class ThreadUpdate(Input):
    id = UUIDString(required=True)
    title = TrimmedString(validate=TITLE)
    category_id = UUIDString(allow_none=True)


class ThreadFlag(Input):
    id = UUIDString(required=True)
    value = fields.Boolean(required=True)


class ThreadState(Input):
    thread_id = UUIDString(required=True)
    read_at = fields.AwareDateTime(load_default=None)  # when she read it on her device
    starred = fields.Boolean(load_default=None)


class PostCreate(Input):
    id = UUIDString(required=True)
    thread_id = UUIDString(required=True)
    body = TrimmedString(required=True, validate=BODY)
    reply_to_id = UUIDString(load_default=None)
    mentions = fields.List(UUIDString(), load_default=list, validate=MENTIONS)


class PostUpdate(Input):
    id = UUIDString(required=True)
    body = TrimmedString(required=True, validate=BODY)


class PostRef(Input):
    id = UUIDString(required=True)


class PostReact(Input):
    post_id = UUIDString(required=True)
    helpful = fields.Boolean(required=True)


class CategoryCreate(Input):
    id = UUIDString(required=True)
    network_id = UUIDString(required=True)
    name = TrimmedString(required=True, validate=CATEGORY)
    position = fields.Integer(load_default=None, strict=True, validate=validate.Range(min=0, max=1000))


class CategoryUpdate(Input):
    id = UUIDString(required=True)
    name = TrimmedString(validate=CATEGORY)
    position = fields.Integer(strict=True, validate=validate.Range(min=0, max=1000))

