"""The report's place for surveys, filled from server/surveys: each survey the network opened
in the school year, its kind, when it ran and how many answered (only that she answered is
counted, so an anonymous survey gives away nothing more here than in the app)."""
from __future__ import annotations

from sqlalchemy import func, select

from server.reports import sections
from server.reports.document import Column, Section, Table
from server.reports.period import WARSAW
from server.surveys.models import Survey, SurveyAnswered

TITLE = "Ankiety"
NONE_TEXT = "W tym roku szkolnym sieć nie przeprowadziła w Kręgu ankiet (diagnozy potrzeb ani ewaluacji)."
KINDS = {"needs": "diagnoza potrzeb", "evaluation": "ewaluacja", "custom": "własna"}


def _dates(survey: Survey) -> str:
    return " – ".join(m.astimezone(WARSAW).strftime("%d.%m.%Y") for m in (survey.opens_at, survey.closes_at))


def surveys(s: sections.Subject) -> Section:
    found = s.session.scalars(select(Survey).where(
        Survey.network_id == s.network.id, Survey.opens_at >= s.year.begins, Survey.opens_at < s.year.ends,
    ).order_by(Survey.opens_at)).all()
    answered = dict(s.session.execute(
        select(SurveyAnswered.survey_id, func.count()).where(SurveyAnswered.survey_id.in_([x.id for x in found]))
        .group_by(SurveyAnswered.survey_id)).all()) if found else {}
    rows = [[str(i), x.title, KINDS.get(x.kind, x.kind) + (", anonimowa" if x.anonymous else ""), _dates(x),
             str(answered.get(x.id, 0))] for i, x in enumerate(found, 1)]
    return Section(TITLE, [Table([Column("Lp.", .06, "C"), Column("Ankieta", .40), Column("Rodzaj", .20),
                                  Column("Termin", .22), Column("Odpowiedzi", .12, "R")], rows, empty=NONE_TEXT)])


sections.provide("surveys", surveys)
