"""A network's annual work plan, its versions and their tasks.

One `plan` per network and school year (the year it starts, as reports name it); each change
after it was sent is a new `plan_version` (`<plan_id>:<number>`), so a returned or an approved
version stays as it was. Narrative sections are plain text, one field per named key (SECTIONS,
and each topic's description), the shape a co-edited document `plan:<network_id>` will take
over. A task belongs to one version; amending copies it (`<key>:<number>`), keeping its key,
so its progress can follow it into the new version.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, utcnow

SECTIONS = ("goals", "outcomes", "evaluation")  # goals, expected outcomes, evaluation methods
CONCLUSIONS = "conclusions"  # the year's outcomes and conclusions: a section too, but written at any state
STATES = ("draft", "submitted", "approved", "returned", "superseded")
TASK_STATES = ("todo", "doing", "done")


class Plan(Base):
    __tablename__ = "plan"
    __table_args__ = (UniqueConstraint("network_id", "school_year", name="uq_plan_network_year"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id", name="fk_plan_network_id"), index=True)
    school_year: Mapped[int] = mapped_column(Integer)  # 2026 for 2026/2027
    version: Mapped[int] = mapped_column(Integer, default=1)  # the latest version's number
    status: Mapped[str] = mapped_column(String(16), default="draft")  # the latest version's
    approved_version: Mapped[int | None] = mapped_column(Integer)  # the one in force, if any
    shared: Mapped[bool] = mapped_column(Boolean, default=False)  # sent once: approvers see it from then on
    created_by: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_plan_created_by"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PlanVersion(Base):
    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "number", name="uq_plan_version_number"),)

    id: Mapped[str] = mapped_column(String(48), primary_key=True)  # "<plan_id>:<number>"
    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id", name="fk_plan_version_plan_id"), index=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id", name="fk_plan_version_network_id"))
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    sections: Mapped[dict] = mapped_column(JSON, default=dict)  # {goals, outcomes, evaluation, conclusions?: text}
    # [{id, title, description, survey_id, question_id}]: a topic may cite a survey's results
    topics: Mapped[list[dict]] = mapped_column(JSON, default=list)
    created_by: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_plan_version_created_by"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None]
    submitted_by: Mapped[str | None] = mapped_column(ForeignKey("user_account.id", name="fk_plan_version_submitted_by"))
    submitted_at: Mapped[datetime | None]
    decided_by: Mapped[str | None] = mapped_column(ForeignKey("user_account.id", name="fk_plan_version_decided_by"))
    decided_at: Mapped[datetime | None]
    comment: Mapped[str | None] = mapped_column(Text)  # why it was returned (or a word with the approval)


class PlanTask(Base):
    __tablename__ = "plan_task"

    id: Mapped[str] = mapped_column(String(48), primary_key=True)  # "<key>:<version number>"
    key: Mapped[str] = mapped_column(String(36), index=True)  # the same task in every version
    version_id: Mapped[str] = mapped_column(ForeignKey("plan_version.id", name="fk_plan_task_version_id"), index=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id", name="fk_plan_task_plan_id"))
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id", name="fk_plan_task_network_id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user_account.id", name="fk_plan_task_owner_id"))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default="todo")
    comment: Mapped[str] = mapped_column(Text, default="")
    edited_at: Mapped[datetime | None]


class PlanApprover(Base):
    """A Poradnia employee an administrator allowed to approve plans (admins may by default)."""

    __tablename__ = "plan_approver"

    id: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_plan_approver_id"), primary_key=True)
    allowed: Mapped[bool] = mapped_column(Boolean, default=True)  # taken away: kept, false (devices hold the row)
    granted_by: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_plan_approver_granted_by"))
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)


def version_id(plan_id: str, number: int) -> str:
    return f"{plan_id}:{number}"


def task_id(key: str, number: int) -> str:
    return f"{key}:{number}"
