"""Arguments of the library's mutations."""
from marshmallow import ValidationError, fields, post_load, pre_load, validate, validates_schema

from server.fields import Input, Text, Trimmed, Url, UUIDString
from server.library.models import KINDS, SCHOOL_LEVELS

TITLE = validate.Length(min=3, max=200, error="Tytuł musi mieć od 3 do 200 znaków.")
DESCRIPTION = validate.Length(max=20_000, error="Opis może mieć najwyżej 20 000 znaków.")
SUBJECT = validate.Length(max=100, error="Nazwa przedmiotu może mieć najwyżej 100 znaków.")
LEVEL = validate.OneOf(SCHOOL_LEVELS, error="Wybierz etap: przedszkole, klasy 1–3, klasy 4–8 albo szkoła ponadpodstawowa.")
KIND = validate.OneOf(KINDS, error="Wybierz: plik albo link.")
TAG = validate.Length(max=40, error="Tag może mieć najwyżej 40 znaków.")
TAGS = validate.Length(max=10, error="Najwyżej 10 tagów.")
URL_MESSAGE = "Podaj adres strony zaczynający się od http:// albo https://."
URL_ONLY_FOR_LINKS = "Adres podaje się tylko dla linków."
LINK_NEEDS_URL = "Link potrzebuje adresu strony."


def _tags(**kwargs) -> fields.List:
    return fields.List(Text(validate=TAG), validate=TAGS, **kwargs)


def _url(**kwargs) -> Url:
    return Url(schemes={"http", "https"}, allow_none=True, error_messages={"invalid": URL_MESSAGE},
                      validate=validate.Length(max=2000, error="Adres jest za długi."), **kwargs)


class _Described(Trimmed):
    """White space trimmed; tags without empties or repeats (the first spelling stays)."""

    @pre_load
    def _trim_tags(self, data, **_kwargs):
        if isinstance(data, dict) and isinstance(data.get("tags"), list):
            tags = [t.strip() if isinstance(t, str) else t for t in data["tags"]]
            return data | {"tags": [t for t in tags if t != ""]}
        return data

    @post_load
    def _unique_tags(self, data, **_kwargs):
        if data.get("tags"):
            seen: dict[str, str] = {}
            for tag in data["tags"]:
                seen.setdefault(tag.casefold(), tag)
            data["tags"] = list(seen.values())
        return data


class ResourceCreate(_Described):
    id = UUIDString(required=True)
    network_id = UUIDString(required=True)
    kind = Text(required=True, validate=KIND)
    title = Text(required=True, validate=TITLE)
    description = Text(load_default="", validate=DESCRIPTION)
    tags = _tags(load_default=list)
    school_level = Text(load_default=None, allow_none=True, validate=LEVEL)
    subject = Text(load_default="", validate=SUBJECT)
    url = _url(load_default=None)

    @validates_schema
    def _url_for_links_only(self, data, **_kwargs):
        if data.get("kind") == "link" and not data.get("url"):
            raise ValidationError({"url": [LINK_NEEDS_URL]})
        if data.get("kind") == "file" and data.get("url"):
            raise ValidationError({"url": [URL_ONLY_FOR_LINKS]})


class ResourceUpdate(_Described):
    id = UUIDString(required=True)
    title = Text(validate=TITLE)
    description = Text(validate=DESCRIPTION)
    tags = _tags()
    school_level = Text(allow_none=True, validate=LEVEL)
    subject = Text(validate=SUBJECT)
    url = _url()


class ResourceDelete(Input):
    id = UUIDString(required=True)


class PostPromote(_Described):
    post_id = UUIDString(required=True)
    resource_id = UUIDString(required=True)
    title = Text(required=True, validate=TITLE)
    description = Text(load_default=None, allow_none=True, validate=DESCRIPTION)
    tags = _tags(load_default=list)
    school_level = Text(load_default=None, allow_none=True, validate=LEVEL)
    subject = Text(load_default="", validate=SUBJECT)
