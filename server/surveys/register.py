"""What surveys tell the engine: surveys, her named responses and the markers that she
answered, on devices; the mutators that build, close and answer them."""
from __future__ import annotations

from sync import Registry

from server.db import iso
from server.surveys import answers, schemas, services
from server.surveys.models import Survey, SurveyAnswered, SurveyResponse


def serialize_survey(s: Survey) -> dict:
    return {
        "id": s.id,
        "network_id": s.network_id,
        "title": s.title,
        "kind": s.kind,
        "anonymous": s.anonymous,
        "opens_at": iso(s.opens_at),
        "closes_at": iso(s.closes_at),
        "questions": [dict(q) for q in s.questions or []],
        "created_by": s.created_by,
        "created_at": iso(s.created_at),
        "edited_at": iso(s.edited_at),
    }


def serialize_response(r: SurveyResponse) -> dict:
    # Only named responses are ever published (publish.response): an anonymous one has no user.
    return {"id": r.id, "survey_id": r.survey_id, "user_id": r.user_id, "answers": dict(r.answers or {}),
            "at": iso(r.at)}


def serialize_answered(a: SurveyAnswered) -> dict:
    return {"id": a.id, "survey_id": a.survey_id, "user_id": a.user_id, "at": iso(a.at)}


def register(registry: Registry) -> None:
    registry.row_type("survey", serialize_survey)
    registry.row_type("survey_response", serialize_response)
    registry.row_type("survey_answered", serialize_answered)
    registry.mutator("survey.create", schemas.SurveyCreate())(services.create)
    registry.mutator("survey.update", schemas.SurveyUpdate())(services.update)
    registry.mutator("survey.close", schemas.SurveyRef())(services.close)
    registry.mutator("survey.answer", schemas.SurveyAnswer())(answers.answer)
