"""Arguments of the meetings' mutations. Limits are named once here; `krag rules` carries
them to the PWA (LIMITS for the ones a schema says in code)."""
from __future__ import annotations

from datetime import timedelta, timezone
from decimal import Decimal

from marshmallow import ValidationError, fields, validate, validates, validates_schema

from server.fields import Input, Text, Trimmed, TrimmedString, Url, UUIDString
from server.meetings.models import ANSWERS

MAX_HOURS = 12  # a meeting lasts at most this long, and nobody is credited more
AGENDA_MAX = 30
LINKS_MAX = 20
EXPERTS_MAX = 20
CHECK_IN_EARLY = timedelta(minutes=30)  # check-in opens this long before the start
CLOCK_SKEW = timedelta(minutes=5)  # a device's clock may run this far ahead of the server's
HOURS_STEP = 0.25  # hours are credited by the quarter
# What the PWA needs of the rules written in code (validates_schema, the mutators' own checks).
LIMITS = {"max_hours": MAX_HOURS, "hours_step": HOURS_STEP,
          "check_in_early_minutes": CHECK_IN_EARLY // timedelta(minutes=1),
          "clock_skew_minutes": CLOCK_SKEW // timedelta(minutes=1)}

TITLE = validate.Length(min=1, max=200, error="Tytuł spotkania musi mieć od 1 do 200 znaków.")
PLACE = validate.Length(max=300, error="Miejsce może mieć najwyżej 300 znaków.")
TOPIC = validate.Length(min=1, max=300, error="Temat punktu musi mieć od 1 do 300 znaków.")
WHO = validate.Length(max=200, error="Prowadzący może mieć najwyżej 200 znaków.")
LINK_TITLE = validate.Length(max=200, error="Nazwa linku może mieć najwyżej 200 znaków.")
URL_LENGTH = validate.Length(max=2000, error="Adres jest za długi.")
URL_MESSAGE = "Podaj adres strony zaczynający się od http:// albo https://."
TIME = validate.Regexp(r"([01]\d|2[0-3]):[0-5]\d\Z", error="Podaj godzinę jako GG:MM, np. 09:30.")
CODE = validate.Regexp(r"\d{6}\Z", error="Kod to 6 cyfr.")
ANSWER = validate.OneOf(ANSWERS, error="Wybierz: tak, nie albo może.")
HOURS = validate.Range(min=0, max=MAX_HOURS, error=f"Podaj od 0 do {MAX_HOURS} godzin.")

ENDS_BEFORE = "Spotkanie musi się kończyć po swoim początku."
TOO_LONG = f"Spotkanie może trwać najwyżej {MAX_HOURS} godzin."
NO_OFFSET = "Podaj datę i godzinę ze strefą czasową (np. 2026-12-03T10:00:00+01:00)."
QUARTERS = "Godziny podaje się co kwadrans (np. 1,5 albo 2,25)."
AGENDA_TOO_LONG = f"Program może mieć najwyżej {AGENDA_MAX} punktów."
LINKS_TOO_MANY = f"Najwyżej {LINKS_MAX} linków."


class Moment(fields.AwareDateTime):
    """A date and time with its offset, kept in UTC: one without is a field error, never a
    guess at the zone (a phone's "10:00" is Warsaw's only with "+01:00" or "+02:00")."""

    default_error_messages = {"years": "Podaj datę z lat 2000–2999."}

    def _deserialize(self, value, attr, data, **kwargs):
        moment = super()._deserialize(value, attr, data, **kwargs)
        # Far years are typing slips, and 9999-12-31T23:30-01:00 has no UTC at all.
        if not 2000 <= moment.year <= 2999:
            raise self.make_error("years")
        return moment.astimezone(timezone.utc)


def moment(**kwargs) -> Moment:
    return Moment(format="iso", error_messages={"invalid": "Niepoprawna data i godzina.",
                                                "invalid_awareness": NO_OFFSET}, **kwargs)


def url(**kwargs) -> Url:
    return Url(schemes={"http", "https"}, error_messages={"invalid": URL_MESSAGE}, validate=URL_LENGTH, **kwargs)


def length_error(starts_at, ends_at) -> str | None:
    """Why a meeting cannot run from ``starts_at`` to ``ends_at``, or None."""
    if ends_at <= starts_at:
        return ENDS_BEFORE
    if ends_at - starts_at > timedelta(hours=MAX_HOURS):
        return TOO_LONG
    return None


class AgendaItem(Trimmed):
    time = Text(load_default=None, allow_none=True, validate=TIME)
    topic = Text(required=True, validate=TOPIC)
    who = Text(load_default="", validate=WHO)


class Link(Trimmed):
    title = Text(load_default="", validate=LINK_TITLE)
    url = url(required=True)


class _Described(Trimmed):
    """What create and update share: everything a coordinator writes about a meeting."""

    title = Text(validate=TITLE)
    starts_at = moment()
    ends_at = moment()
    place = Text(allow_none=True, validate=PLACE)  # null or empty: the Poradnia's address
    agenda = fields.List(fields.Nested(AgendaItem), validate=validate.Length(max=AGENDA_MAX, error=AGENDA_TOO_LONG))
    links = fields.List(fields.Nested(Link), validate=validate.Length(max=LINKS_MAX, error=LINKS_TOO_MANY))
    online_url = url(allow_none=True)
    expert_ids = fields.List(UUIDString(), validate=validate.Length(max=EXPERTS_MAX, error="Najwyżej 20 ekspertów."))

    @validates_schema
    def _length(self, data, **_kwargs):
        if data.get("starts_at") and data.get("ends_at"):
            error = length_error(data["starts_at"], data["ends_at"])
            if error:
                raise ValidationError({"ends_at": [error]})


class MeetingCreate(_Described):
    id = UUIDString(required=True)
    network_id = UUIDString(required=True)
    title = Text(required=True, validate=TITLE)
    starts_at = moment(required=True)
    ends_at = moment(required=True)
    place = Text(load_default=None, allow_none=True, validate=PLACE)
    agenda = fields.List(fields.Nested(AgendaItem), load_default=list,
                         validate=validate.Length(max=AGENDA_MAX, error=AGENDA_TOO_LONG))
    links = fields.List(fields.Nested(Link), load_default=list,
                        validate=validate.Length(max=LINKS_MAX, error=LINKS_TOO_MANY))
    online_url = url(load_default=None, allow_none=True)
    expert_ids = fields.List(UUIDString(), load_default=list,
                             validate=validate.Length(max=EXPERTS_MAX, error="Najwyżej 20 ekspertów."))


class MeetingUpdate(_Described):
    id = UUIDString(required=True)


class MeetingRef(Input):
    id = UUIDString(required=True)


class MeetingRsvp(Input):
    meeting_id = UUIDString(required=True)
    answer = Text(required=True, validate=ANSWER)


class AttendanceSet(Input):
    meeting_id = UUIDString(required=True)
    user_id = UUIDString(required=True)
    present = fields.Boolean(required=True)
    at = moment(required=True)


class AttendanceHours(Input):
    meeting_id = UUIDString(required=True)
    user_id = UUIDString(required=True)
    hours = fields.Decimal(required=True, allow_none=True, places=None, validate=HOURS,
                           error_messages={"special": "Podaj liczbę."})

    @validates("hours")
    def _quarters(self, value, **_kwargs):
        if value is not None and value % Decimal(str(HOURS_STEP)) != 0:
            raise ValidationError(QUARTERS)


class CheckIn(Input):
    meeting_id = UUIDString(required=True)
    code = TrimmedString(required=True, validate=CODE)
    at = moment(required=True)
