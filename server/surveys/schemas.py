"""Arguments of the surveys' mutations. Limits are named once here; `krag rules` carries them
to the PWA (LIMITS for the ones the mutators say in code: an answer is checked against its
survey's questions, which only the mutator holds)."""
from __future__ import annotations

from datetime import timedelta

from marshmallow import ValidationError, fields, validate, validates_schema

from server.fields import Input, Text, Trimmed, TrimmedString, UUIDString
from server.meetings.schemas import moment
from server.surveys.models import KINDS, QUESTION_KINDS

QUESTIONS_MAX = 50
OPTIONS_MIN, OPTIONS_MAX = 2, 20
SCALE_MIN, SCALE_MAX = 1, 5
TEXT_ANSWER_MAX = 5000
ANONYMOUS_MIN = 3  # an anonymous survey shows results from this many responses on
CLOCK_SKEW = timedelta(minutes=5)  # a device's clock may run this far ahead of the server's
KEY_PATTERN = r"[A-Za-z0-9_-]{43}"  # 32 random bytes, base64url: the device's key of an anonymous answer
LIMITS = {"questions_max": QUESTIONS_MAX, "options_min": OPTIONS_MIN, "options_max": OPTIONS_MAX,
          "anonymous_min": ANONYMOUS_MIN, "scale_min": SCALE_MIN, "scale_max": SCALE_MAX, "text_answer_max": TEXT_ANSWER_MAX,
          "clock_skew_minutes": CLOCK_SKEW // timedelta(minutes=1)}

TITLE = validate.Length(min=1, max=200, error="Tytuł ankiety musi mieć od 1 do 200 znaków.")
QUESTION_TEXT = validate.Length(min=1, max=500, error="Treść pytania musi mieć od 1 do 500 znaków.")
OPTION = validate.Length(min=1, max=200, error="Odpowiedź do wyboru musi mieć od 1 do 200 znaków.")
QUESTION_ID = validate.Regexp(r"[A-Za-z0-9_-]{1,64}\Z", error="Niepoprawny identyfikator pytania.")
KIND = validate.OneOf(KINDS, error="Wybierz rodzaj ankiety: diagnoza potrzeb, ewaluacja albo własna.")
QUESTION_KIND = validate.OneOf(QUESTION_KINDS, error="Wybierz rodzaj pytania.")
QUESTIONS = validate.Length(min=1, max=QUESTIONS_MAX,
                            error=f"Ankieta musi mieć od 1 do {QUESTIONS_MAX} pytań.")
OPTIONS = validate.Length(max=OPTIONS_MAX, error=f"Najwyżej {OPTIONS_MAX} odpowiedzi do wyboru.")
KEY = validate.Regexp(rf"{KEY_PATTERN}\Z", error="Niepoprawny klucz odpowiedzi.")

CLOSES_BEFORE = "Ankieta musi się zamykać po otwarciu."
FEW_OPTIONS = f"Podaj co najmniej {OPTIONS_MIN} odpowiedzi do wyboru."
NO_OPTIONS = "To pytanie nie ma odpowiedzi do wyboru."
SAME_OPTION = "Odpowiedzi do wyboru nie mogą się powtarzać."
SAME_ID = "Dwa pytania mają ten sam identyfikator."


class Question(Trimmed):
    id = Text(required=True, validate=QUESTION_ID)
    kind = Text(required=True, validate=QUESTION_KIND)
    text = Text(required=True, validate=QUESTION_TEXT)
    options = fields.List(TrimmedString(validate=OPTION), load_default=list, validate=OPTIONS)
    required = fields.Boolean(load_default=False)

    @validates_schema
    def _options(self, data, **_kwargs):
        options = data.get("options") or []
        if data.get("kind") in ("single", "multiple"):
            if len(options) < OPTIONS_MIN:
                raise ValidationError({"options": [FEW_OPTIONS]})
            if len(set(options)) != len(options):
                raise ValidationError({"options": [SAME_OPTION]})
        elif options:
            raise ValidationError({"options": [NO_OPTIONS]})


def _questions(**kwargs):
    return fields.List(fields.Nested(Question), validate=QUESTIONS, **kwargs)


class _Described(Trimmed):
    title = Text(validate=TITLE)
    anonymous = fields.Boolean()
    opens_at = moment()
    closes_at = moment()
    questions = _questions()

    @validates_schema
    def _dates_and_ids(self, data, **_kwargs):
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            raise ValidationError({"closes_at": [CLOSES_BEFORE]})
        ids = [q["id"] for q in data.get("questions") or []]
        if len(set(ids)) != len(ids):
            raise ValidationError({"questions": [SAME_ID]})


class SurveyCreate(_Described):
    id = UUIDString(required=True)
    network_id = UUIDString(required=True)
    title = Text(required=True, validate=TITLE)
    kind = Text(required=True, validate=KIND)
    anonymous = fields.Boolean(load_default=False)
    opens_at = moment(required=True)
    closes_at = moment(required=True)
    questions = _questions(required=True)


class SurveyUpdate(_Described):
    id = UUIDString(required=True)


class SurveyRef(Input):
    id = UUIDString(required=True)


class SurveyAnswer(Input):
    survey_id = UUIDString(required=True)
    # {question_id: value}: what fits each question is the mutator's check (only it has the survey)
    answers = fields.Dict(keys=Text(validate=QUESTION_ID), values=fields.Raw(allow_none=True), required=True)
    at = moment(load_default=None)  # when she answered, on her device (none: now): made before the close, it counts
    key = Text(load_default=None, allow_none=True, validate=KEY)  # anonymous surveys: her device's secret
