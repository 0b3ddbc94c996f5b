"""The report's place for surveys, filled from server/surveys: each survey the network opened
in the school year, its kind, when it ran and how many answered (only that she answered is
counted); then each one's results summed up as the results screen sums them (server/surveys/
results.py: counts and percentages, a scale's average, how many open answers), so an anonymous
survey gives away nothing more here than in the app (with too few answers, none)."""
from __future__ import annotations

from sqlalchemy import func, select

from server.reports import sections
from server.reports.document import Column, Paragraph, Section, Table
from server.reports.period import WARSAW, hours
from server.surveys import results
from server.surveys.models import Survey, SurveyAnswered
from server.surveys.schemas import ANONYMOUS_MIN

TITLE = "Ankiety"
NONE_TEXT = "W tym roku szkolnym sieć nie przeprowadziła w Kręgu ankiet (diagnozy potrzeb ani ewaluacji)."
KINDS = {"needs": "diagnoza potrzeb", "evaluation": "ewaluacja", "custom": "własna"}


def _dates(survey: Survey) -> str:
    return " – ".join(m.astimezone(WARSAW).strftime("%d.%m.%Y") for m in (survey.opens_at, survey.closes_at))


def _answer(q: dict) -> str:
    """One question's results in a line: "<question> — <option> 2 (66,7%); …", as Polish writes numbers."""
    if not q["answered"]:
        return f"{q['text']} — bez odpowiedzi."
    if "options" in q:
        said = "; ".join(f"{o['option']} {o['count']} ({hours(o['percent'])}%)" for o in q["options"])
    elif "scale" in q:
        said = f"średnia {hours(round(q['average'], 1))} w skali 1–5 ({q['answered']} odp.)"
    else:
        said = f"odpowiedzi otwarte: {q['answered']} (do przeczytania w wynikach ankiety w Kręgu)"
    return f"{q['text']} — {said}."


def _results(session, x: Survey, number: int) -> list[Paragraph]:
    summed = results.summary(session, x)
    if not summed["respondents"]:
        return []
    head = Paragraph(f"{number}. {x.title} — wyniki (odpowiedzi: {summed['respondents']})", bold=True)
    if summed["withheld"]:
        return [head, Paragraph(f"Ankieta anonimowa: wyniki pokazuje się od {ANONYMOUS_MIN} odpowiedzi.")]
    return [head, *(Paragraph(_answer(q)) for q in summed["questions"])]


def surveys(s: sections.Subject) -> Section:
    found = s.session.scalars(select(Survey).where(
        Survey.network_id == s.network.id, Survey.opens_at >= s.year.begins, Survey.opens_at < s.year.ends,
    ).order_by(Survey.opens_at)).all()
    answered = dict(s.session.execute(
        select(SurveyAnswered.survey_id, func.count()).where(SurveyAnswered.survey_id.in_([x.id for x in found]))
        .group_by(SurveyAnswered.survey_id)).all()) if found else {}
    rows = [[str(i), x.title, KINDS.get(x.kind, x.kind) + (", anonimowa" if x.anonymous else ""), _dates(x),
             str(answered.get(x.id, 0))] for i, x in enumerate(found, 1)]
    return Section(TITLE, [Table([Column("Lp.", .06, "C"), Column("Ankieta", .37), Column("Rodzaj", .20),
                                  Column("Termin", .22), Column("Odpowiedzi", .15, "R")], rows, empty=NONE_TEXT),
                           *(p for i, x in enumerate(found, 1) for p in _results(s.session, x, i))])


sections.provide("surveys", surveys)
