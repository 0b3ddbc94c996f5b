"""The shapes of push and pull requests."""
from marshmallow import EXCLUDE, Schema, fields, validate

MAX_BATCH = 1000


class MutationIn(Schema):
    id = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=2**53))
    name = fields.String(required=True, validate=validate.Length(min=1, max=64))
    args = fields.Dict(required=True)


class PushIn(Schema):
    client_id = fields.UUID(required=True)
    mutations = fields.List(
        fields.Nested(MutationIn), required=True, validate=validate.Length(max=MAX_BATCH)
    )


class PullIn(Schema):
    class Meta:
        unknown = EXCLUDE  # cache-busting parameters are harmless

    cursor = fields.String(load_default=None, validate=validate.Length(max=100_000))
    limit = fields.Integer(load_default=1000, validate=validate.Range(min=1, max=5000))
    # A device keeping only recent history: others' posts older than this many days stay on the server.
    window_days = fields.Integer(load_default=None, validate=validate.Range(min=1, max=3650))


push_in = PushIn()
pull_in = PullIn()
