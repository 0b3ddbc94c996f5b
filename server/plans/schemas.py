"""Arguments of the plans' mutations. Limits are named once here; `krag rules` carries them to
the PWA (LIMITS for the ones the mutators say in code)."""
from __future__ import annotations

from marshmallow import fields, validate

from server.fields import Input, Text, Trimmed, UUIDString
from server.plans.models import TASK_STATES
from server.reports.schemas import YEAR, YEAR_MESSAGES

SECTION_MAX = 10000
TOPICS_MAX = 30
TASKS_MAX = 100  # in one version
COMMENT_MAX = 2000
LIMITS = {"tasks_max": TASKS_MAX, "topics_max": TOPICS_MAX}

VERSION_ID = validate.Regexp(r"[0-9a-f-]{36}:\d{1,4}\Z", error="Niepoprawny identyfikator wersji planu.")
TASK_ID = validate.Regexp(r"[0-9a-f-]{36}:\d{1,4}\Z", error="Niepoprawny identyfikator zadania.")
SECTION = validate.Length(max=SECTION_MAX, error=f"Ta część planu może mieć najwyżej {SECTION_MAX} znaków.")
TOPIC_TITLE = validate.Length(min=1, max=300, error="Temat musi mieć od 1 do 300 znaków.")
TOPICS = validate.Length(max=TOPICS_MAX, error=f"Plan może mieć najwyżej {TOPICS_MAX} tematów.")
QUESTION_ID = validate.Regexp(r"[A-Za-z0-9_-]{1,64}\Z", error="Niepoprawny identyfikator pytania.")
TASK_TITLE = validate.Length(min=1, max=300, error="Zadanie musi mieć od 1 do 300 znaków.")
COMMENT = validate.Length(max=COMMENT_MAX, error=f"Uwagi mogą mieć najwyżej {COMMENT_MAX} znaków.")
RETURN_COMMENT = validate.Length(min=1, max=COMMENT_MAX,
                                 error=f"Napisz, co poprawić (od 1 do {COMMENT_MAX} znaków).")
STATUS = validate.OneOf(TASK_STATES, error="Wybierz: do zrobienia, w toku albo zrobione.")


def _version_id(**kwargs) -> Text:
    return Text(validate=VERSION_ID, **kwargs)


class Sections(Trimmed):
    """The narrative, one text per named key (the keys a co-edited document will hold)."""
    goals = Text(validate=SECTION)
    outcomes = Text(validate=SECTION)
    evaluation = Text(validate=SECTION)


class Topic(Trimmed):
    id = UUIDString(required=True)
    title = Text(required=True, validate=TOPIC_TITLE)
    description = Text(load_default="", validate=SECTION)
    survey_id = UUIDString(load_default=None, allow_none=True)  # a survey of this network whose results it cites
    question_id = Text(load_default=None, allow_none=True, validate=QUESTION_ID)  # optionally one of its questions


class PlanCreate(Input):
    id = UUIDString(required=True)
    network_id = UUIDString(required=True)
    school_year = fields.Integer(required=True, strict=True, validate=YEAR, error_messages=YEAR_MESSAGES)


class PlanUpdate(Input):
    version_id = _version_id(required=True)
    sections = fields.Nested(Sections)
    topics = fields.List(fields.Nested(Topic), validate=TOPICS)


class PlanConclude(Trimmed):
    """The year's outcomes and conclusions, for the annual report: written at any state."""
    version_id = _version_id(required=True)
    conclusions = Text(required=True, validate=SECTION)


class VersionRef(Input):
    version_id = _version_id(required=True)


class PlanReturn(Trimmed):
    version_id = _version_id(required=True)
    comment = Text(required=True, validate=RETURN_COMMENT)


class PlanApprove(Trimmed):
    version_id = _version_id(required=True)
    comment = Text(load_default=None, allow_none=True, validate=COMMENT)


class TaskCreate(Trimmed):
    id = UUIDString(required=True)  # the task's key; its row in this version is "<id>:<number>"
    version_id = _version_id(required=True)
    title = Text(required=True, validate=TASK_TITLE)
    owner_id = UUIDString(load_default=None, allow_none=True)
    due_on = fields.Date(load_default=None, allow_none=True)


class TaskUpdate(Trimmed):
    id = Text(required=True, validate=TASK_ID)
    title = Text(validate=TASK_TITLE)
    owner_id = UUIDString(allow_none=True)
    due_on = fields.Date(allow_none=True)


class TaskProgress(Trimmed):
    id = Text(required=True, validate=TASK_ID)
    status = Text(validate=STATUS)
    comment = Text(validate=COMMENT)


class TaskRef(Input):
    id = Text(required=True, validate=TASK_ID)


class ApproverSet(Input):
    user_id = UUIDString(required=True)
    allowed = fields.Boolean(required=True)
