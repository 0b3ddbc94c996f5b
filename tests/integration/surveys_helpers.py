"""Surveys the way a coordinator's phone builds them, and answers as a member's phone sends them."""
from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta

from server.extensions import db
from server.syncing.engine import engine
from tests.integration.meetings_helpers import now, stamp

QUESTIONS = [
    {"id": "topics", "kind": "multiple", "text": "Jakie tematy Panią/Pana interesują?",
     "options": ["Ocenianie kształtujące", "Praca z uczniem ze SPE", "Narzędzia cyfrowe"], "required": True},
    {"id": "form", "kind": "single", "text": "Jaka forma spotkań jest najlepsza?",
     "options": ["Stacjonarnie", "Online"], "required": True},
    {"id": "useful", "kind": "scale", "text": "Jak przydatne były spotkania?", "required": False},
    {"id": "ideas", "kind": "text", "text": "Co jeszcze chciałaby Pani/chciałby Pan dodać?", "required": False},
]
ANSWERS = {"topics": ["Ocenianie kształtujące", "Narzędzia cyfrowe"], "form": "Online", "useful": 4,
           "ideas": "Więcej warsztatów z ćwiczeniami."}


def survey_args(network_id: str, opens: datetime | None = None, days: float = 14, **extra) -> dict:
    opens = opens or now() - timedelta(hours=1)
    return {"id": str(uuid.uuid4()), "network_id": network_id, "title": "Diagnoza potrzeb 2026/2027",
            "kind": "needs", "anonymous": False, "opens_at": stamp(opens), "closes_at": stamp(opens + timedelta(days=days)),
            "questions": QUESTIONS, **extra}


def made(user_id: str, network_id: str, **extra) -> str:
    """A survey made by ``user_id`` (its coordinator) as her push would; its id."""
    args = survey_args(network_id, **extra)
    with engine.writing(db.session, user_id) as ctx:
        engine.run(ctx, "survey.create", args)
    return args["id"]


def answer_args(survey_id: str, answers: dict | None = None, at: datetime | None = None, key: str | None = None) -> dict:
    args = {"survey_id": survey_id, "answers": ANSWERS if answers is None else answers, "at": stamp(at or now())}
    if key is not None:
        args["key"] = key
    return args


def new_key() -> str:
    return secrets.token_urlsafe(32)
