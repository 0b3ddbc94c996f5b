"""Arguments of the forum's mutations."""
from marshmallow import Schema, fields, pre_load, validate

TITLE = validate.Length(min=1, max=200, error="Tytuł musi mieć od 1 do 200 znaków.")
BODY = validate.Length(min=1, max=20_000, error="Treść musi mieć od 1 do 20 000 znaków.")


class _Trimmed(Schema):
    """Surrounding white space is not part of what a user meant to write."""

    @pre_load
    def _trim(self, data, **_kwargs):
        if isinstance(data, dict):
            return {k: v.strip() if isinstance(v, str) and k in ("title", "body") else v for k, v in data.items()}
        return data


class ThreadCreate(_Trimmed):
    id = fields.UUID(required=True)
    network_id = fields.UUID(required=True)
    title = fields.String(required=True, validate=TITLE)
    body = fields.String(required=True, validate=BODY)
    post_id = fields.UUID(load_default=None)


class PostCreate(_Trimmed):
    id = fields.UUID(required=True)
    thread_id = fields.UUID(required=True)
    body = fields.String(required=True, validate=BODY)


class PostUpdate(_Trimmed):
    id = fields.UUID(required=True)
    body = fields.String(required=True, validate=BODY)


class PostDelete(Schema):
    id = fields.UUID(required=True)
