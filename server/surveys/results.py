"""A survey's results: counts and percentages per question, the scale's average, the open
answers; and the same as CSV. Anonymous surveys never name anyone, and list open answers and
CSV rows in alphabetical order, not in the order they came."""
from __future__ import annotations

import csv
import io
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.accounts.models import User
from server.db import iso
from server.surveys import schemas
from server.surveys.models import Survey, SurveyResponse


# Polish alphabetical order: ą after a, ć after c, … (Python's own puts them after z).
_ALPHABET = "aąbcćdeęfghijklłmnńoóprsśtuvwxyzźż"
_ORDER: dict[str, str] = {}
for _i, _ch in enumerate(_ALPHABET):  # a letter with a mark sorts just after the one before it
    _ORDER[_ch] = _ch if _ch.isascii() else _ORDER[_ALPHABET[_i - 1]] + "~"


def polish(text: str) -> str:
    """A sort key putting text in Polish alphabetical order."""
    return "".join(_ORDER.get(ch, ch) for ch in text.casefold())


def _percent(count: int, of: int) -> float:
    return round(100 * count / of, 1) if of else 0.0


def _question(q: dict, values: list) -> dict:
    given = [v for v in values if v is not None]
    out = {"id": q["id"], "kind": q["kind"], "text": q["text"], "required": q["required"], "answered": len(given)}
    if q["kind"] in ("single", "multiple"):
        counts = dict.fromkeys(q["options"], 0)
        for v in given:
            for option in (v if isinstance(v, list) else [v]):
                if option in counts:
                    counts[option] += 1
        out["options"] = [{"option": o, "count": n, "percent": _percent(n, len(given))} for o, n in counts.items()]
    elif q["kind"] == "scale":
        counts = dict.fromkeys(range(schemas.SCALE_MIN, schemas.SCALE_MAX + 1), 0)
        for v in given:
            counts[v] = counts.get(v, 0) + 1
        out["scale"] = [{"value": k, "count": n, "percent": _percent(n, len(given))} for k, n in counts.items()]
        out["average"] = round(sum(given) / len(given), 2) if given else None
    else:
        out["texts"] = sorted(given, key=polish)
    return out


def responses(session: Session, survey: Survey) -> list[SurveyResponse]:
    return list(session.scalars(select(SurveyResponse).where(SurveyResponse.survey_id == survey.id)))


def withheld(survey: Survey, rows: list) -> bool:
    """An anonymous survey's results wait for a few responses: with one or two, the coordinator
    who sees who answered would read each one's answers."""
    return survey.anonymous and len(rows) < schemas.ANONYMOUS_MIN


def summary(session: Session, survey: Survey) -> dict:
    rows = responses(session, survey)
    hidden = withheld(survey, rows)
    counted = [] if hidden else rows
    return {
        "survey": {"id": survey.id, "network_id": survey.network_id, "title": survey.title, "kind": survey.kind,
                   "anonymous": survey.anonymous, "opens_at": iso(survey.opens_at),
                   "closes_at": iso(survey.closes_at)},
        "respondents": len(rows),
        "withheld": hidden,  # too few anonymous responses yet: no counts, no open answers
        "questions": [_question(q, [r.answers.get(q["id"]) for r in counted]) for q in survey.questions],
    }


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def as_csv(session: Session, survey: Survey) -> str:
    """One row per response, a column per question; a named survey's rows start with the person."""
    rows = responses(session, survey)
    if withheld(survey, rows):
        rows = []
    head = [q["text"] for q in survey.questions]
    lines = []
    if survey.anonymous:
        for r in rows:
            lines.append([_cell(r.answers.get(q["id"])) for q in survey.questions])
        lines.sort(key=lambda line: json.dumps(line, ensure_ascii=False))
    else:
        names = {u.id: u.name for u in session.scalars(select(User).where(User.id.in_([r.user_id for r in rows])))}
        for r in sorted(rows, key=lambda r: polish(names.get(r.user_id, ""))):
            lines.append([names.get(r.user_id, "")] + [_cell(r.answers.get(q["id"])) for q in survey.questions])
        head = ["Osoba"] + head
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")  # Polish Excel reads semicolons
    writer.writerow(head)
    writer.writerows(lines)
    return "\ufeff" + out.getvalue()  # a BOM: Excel then reads UTF-8 (ą, ę, ł)
