"""A network's surveys and their answers.

An anonymous survey's answers carry no person: `survey_response.user_id` is null and the
row is found again only by the hash of a key her device made (`key_hash`); that she answered
is a separate `survey_answered` marker, with nothing linking the two.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, utcnow

KINDS = ("needs", "evaluation", "custom")
QUESTION_KINDS = ("single", "multiple", "scale", "text")


class Survey(Base):
    __tablename__ = "survey"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id", name="fk_survey_network_id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    opens_at: Mapped[datetime]  # UTC
    closes_at: Mapped[datetime]  # UTC; survey.close brings it forward to the moment of closing
    # [{id, kind, text, options: [text], required}]
    questions: Mapped[list[dict]] = mapped_column(JSON, default=list)
    created_by: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_survey_created_by"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None]


class SurveyResponse(Base):
    """One person's answers. Named: `user_id` and the device time `at`. Anonymous: neither,
    only `key_hash` (SHA-256 of her device's secret key) so that she can change them."""

    __tablename__ = "survey_response"
    __table_args__ = (UniqueConstraint("survey_id", "user_id", name="uq_survey_response_user"),
                      UniqueConstraint("survey_id", "key_hash", name="uq_survey_response_key"))

    id: Mapped[str] = mapped_column(String(73), primary_key=True)  # named: "<survey_id>:<user_id>"; else random
    survey_id: Mapped[str] = mapped_column(ForeignKey("survey.id", name="fk_survey_response_survey_id"), index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("user_account.id", name="fk_survey_response_user_id"))
    key_hash: Mapped[str | None] = mapped_column(String(64))
    answers: Mapped[dict] = mapped_column(JSON, default=dict)  # {question_id: value}
    at: Mapped[datetime | None]  # named only: the device time of the answers that hold


class SurveyAnswered(Base):
    """That she answered (never what): for her devices and for the coordinator's count."""

    __tablename__ = "survey_answered"

    id: Mapped[str] = mapped_column(String(73), primary_key=True)  # "<survey_id>:<user_id>"
    survey_id: Mapped[str] = mapped_column(ForeignKey("survey.id", name="fk_survey_answered_survey_id"), index=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id", name="fk_survey_answered_network_id"))
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_survey_answered_user_id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)  # her first answer reached the server


def pair_id(survey_id: str, user_id: str) -> str:
    return f"{survey_id}:{user_id}"
