"""survey.answer: her answers checked against the survey's questions, kept once per person.

Named surveys: her response row (id "<survey>:<user>") in her own scope; of two devices'
answers the one made last (device time `at`) holds. Anonymous surveys: the response has no
person — her device sends a random `key` only it knows, the row keeps its SHA-256, and she
changes her answers by sending the same key; the `survey_answered` marker says that she
answered, and nothing joins the two (docs/sync-protocol.md, "Surveys").
"""
from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import select
from sync import Rejected
from sync.context import MutationContext

from server.db import utcnow
from server.surveys import publish, rights, schemas
from server.surveys.models import Survey, SurveyAnswered, SurveyResponse, pair_id

INVALID = "Niepoprawne dane."
REQUIRED = "To pytanie jest obowiązkowe."
NOT_OFFERED = "Wybierz spośród podanych odpowiedzi."
ONLY_ONE = "W tym pytaniu wybierz jedną odpowiedź."
TWICE = "Ta sama odpowiedź wybrana dwa razy."
SCALE = f"Podaj liczbę od {schemas.SCALE_MIN} do {schemas.SCALE_MAX}."
TEXT = "Odpowiedź musi być tekstem."
TOO_LONG = f"Odpowiedź może mieć najwyżej {schemas.TEXT_ANSWER_MAX} znaków."
UNKNOWN = "W tej ankiecie nie ma takiego pytania."
NOT_OPEN = "Ankieta jeszcze nie jest otwarta."
CLOSED = "Ankieta jest już zamknięta."
FUTURE = "Czas odpowiedzi jest z przyszłości: sprawdź zegar telefonu."
NEED_KEY = "Ankieta jest anonimowa: odpowiedź wymaga klucza z urządzenia."
OTHER_DEVICE = ("Twoja odpowiedź na tę anonimową ankietę jest już zapisana. Zmienić ją można tylko "
                "na urządzeniu, na którym ją wysłano.")


def _blank(value) -> bool:
    return value is None or value == "" or value == [] or (isinstance(value, str) and not value.strip())


def _fit(q: dict, value):
    """The value as kept, or a ValueError with the Polish reason. Never echoes what she wrote."""
    kind, options = q["kind"], q.get("options") or []
    if kind == "single":
        if isinstance(value, list):
            raise ValueError(ONLY_ONE)
        if value not in options:
            raise ValueError(NOT_OFFERED)
        return value
    if kind == "multiple":
        chosen = value if isinstance(value, list) else [value]
        if any(not isinstance(v, str) or v not in options for v in chosen):
            raise ValueError(NOT_OFFERED)
        if len(set(chosen)) != len(chosen):
            raise ValueError(TWICE)
        return [o for o in options if o in chosen]  # in the survey's order
    if kind == "scale":
        if isinstance(value, bool) or not isinstance(value, int) or not schemas.SCALE_MIN <= value <= schemas.SCALE_MAX:
            raise ValueError(SCALE)
        return value
    if not isinstance(value, str):
        raise ValueError(TEXT)
    text = value.strip()
    if len(text) > schemas.TEXT_ANSWER_MAX:
        raise ValueError(TOO_LONG)
    return text


def checked(questions: list[dict], answers: dict) -> dict:
    """Her answers fitted to the questions (blank ones left out), or `invalid` with a reason per question."""
    errors: dict[str, list[str]] = {}
    kept = {}
    by_id = {q["id"]: q for q in questions}
    for qid in answers:
        if qid not in by_id:
            errors[qid] = [UNKNOWN]
    for q in questions:
        value = answers.get(q["id"])
        if _blank(value):
            if q.get("required"):
                errors[q["id"]] = [REQUIRED]
            continue
        try:
            kept[q["id"]] = _fit(q, value)
        except ValueError as why:
            errors[q["id"]] = [str(why)]
    if errors:
        raise Rejected("invalid", INVALID, {"answers": errors})
    return kept


def _in_time(s: Survey, at) -> None:
    now = utcnow()
    if at > now + schemas.CLOCK_SKEW:
        raise Rejected("invalid", INVALID, {"at": [FUTURE]})
    if at < s.opens_at or now < s.opens_at:
        raise Rejected("not_open", NOT_OPEN)
    if at > s.closes_at:
        raise Rejected("closed", CLOSED)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def answer(ctx: MutationContext, args: dict) -> None:
    s = rights.survey(ctx, str(args["survey_id"]))
    rights.require_answerer(ctx, s.network_id)
    at = args.get("at") or utcnow()
    _in_time(s, at)
    if s.anonymous and not args.get("key"):
        raise Rejected("invalid", INVALID, {"key": [NEED_KEY]})
    kept = checked(s.questions, args["answers"])
    marker_id = pair_id(s.id, ctx.user_id)
    marker = ctx.session.get(SurveyAnswered, marker_id, with_for_update=True)
    if s.anonymous:
        _anonymous(ctx, s, kept, key_hash(args["key"]), first=marker is None)
    else:
        _named(ctx, s, kept, at)
    if marker is None:
        publish.answered(ctx, SurveyAnswered(id=marker_id, survey_id=s.id, network_id=s.network_id,
                                             user_id=ctx.user_id, at=utcnow()))


def _named(ctx: MutationContext, s: Survey, kept: dict, at) -> None:
    row_id = pair_id(s.id, ctx.user_id)
    r = ctx.session.get(SurveyResponse, row_id, with_for_update=True)
    if r is not None and r.at is not None and at < r.at:
        return  # her other device answered later: that answer holds (applied, no change)
    r = r or SurveyResponse(id=row_id, survey_id=s.id, user_id=ctx.user_id)
    r.answers, r.at = kept, at
    publish.response(ctx, r)


def _anonymous(ctx: MutationContext, s: Survey, kept: dict, hashed: str, first: bool) -> None:
    r = ctx.session.scalars(select(SurveyResponse).where(
        SurveyResponse.survey_id == s.id, SurveyResponse.key_hash == hashed).with_for_update()).first()
    if r is None:
        if not first:
            raise Rejected("conflict", OTHER_DEVICE)
        # A random id (not v7, which carries the time): nothing in the row tells when or whose.
        r = SurveyResponse(id=str(uuid.uuid4()), survey_id=s.id, user_id=None, key_hash=hashed, at=None)
    r.answers = kept
    ctx.add(r)
