"""The shapes of push and pull requests."""
from marshmallow import EXCLUDE, ValidationError, fields, post_load, validate

from server.fields import Input, Text, UUIDString

MAX_BATCH = 1000
MAX_KEEP = 500  # scopes a pull may name as kept whole
MAX_ID = 2**53  # the largest integer a browser counts exactly
_MUTATION_KEYS = frozenset({"id", "name", "args"})


class Mutation(fields.Field):
    """One queued mutation: ``{"id", "name", "args"}`` and nothing else.

    A field with plain checks rather than a nested schema: a push carries up to a
    thousand of them, and a nested load each cost more than applying a reply. The
    mutator's own schema validates ``args``.
    """

    default_error_messages = {
        "type": "Operacja musi być obiektem {id, name, args}.",
        "required": "To pole jest wymagane.",
        "unknown": "Nieznane pole.",
        "id": f"Numer operacji to liczba całkowita od 1 do {MAX_ID}.",
        "name": "Nazwa operacji to tekst od 1 do 64 znaków.",
        "args": "Argumenty operacji muszą być obiektem.",
    }

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, dict):
            raise self.make_error("type")
        errors: dict[str, list[str]] = {}
        for key in value.keys() - _MUTATION_KEYS:
            errors[key] = [self.error_messages["unknown"]]
        for key in _MUTATION_KEYS - value.keys():
            errors[key] = [self.error_messages["required"]]
        mid, name, args = value.get("id"), value.get("name"), value.get("args")
        if "id" in value and not (type(mid) is int and 1 <= mid <= MAX_ID):
            errors["id"] = [self.error_messages["id"]]
        if "name" in value and not (isinstance(name, str) and 1 <= len(name) <= 64):
            errors["name"] = [self.error_messages["name"]]
        if "args" in value and not isinstance(args, dict):
            errors["args"] = [self.error_messages["args"]]
        if errors:
            raise ValidationError(errors)
        if not name.isascii():
            # No mutator is named so; escaped, the name can be echoed in the rejection and
            # stored with it even when it holds half an emoji.
            name = name.encode("ascii", "backslashreplace").decode()
        return {"id": mid, "name": name, "args": args}


class PushIn(Input):
    client_id = UUIDString(required=True)
    mutations = fields.List(
        Mutation(), required=True, validate=validate.Length(max=MAX_BATCH)
    )


class PullIn(Input):
    class Meta:
        unknown = EXCLUDE  # cache-busting parameters are harmless

    cursor = Text(load_default=None, validate=validate.Length(max=100_000))
    limit = fields.Integer(load_default=1000, validate=validate.Range(min=1, max=5000))
    # A device keeping only recent history: others' posts older than this many days stay on the server.
    window_days = fields.Integer(load_default=None, validate=validate.Range(min=1, max=3650))
    # Scopes she keeps whole on this device despite the window (comma-separated, e.g. network:<id>).
    keep_all = Text(load_default="", validate=validate.Length(max=MAX_KEEP * 60))

    @post_load
    def _scopes(self, data, **kwargs):
        keep = frozenset(s for s in data["keep_all"].split(",") if s)
        if len(keep) > MAX_KEEP or any(len(s) > 100 for s in keep):
            raise ValidationError({"keep_all": [f"Najwyżej {MAX_KEEP} zakresów po 100 znaków."]})
        return data | {"keep_all": keep}


push_in = PushIn()
pull_in = PullIn()
