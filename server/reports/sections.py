"""The annual report's sections, in order, each a function of what it reports on. Other domains
fill the places kept for them (the surveys' summary, the plan's tasks, the conclusions) with
`provide(key, function)` from their register.py; until one does, its placeholder says plainly
that there is nothing yet, so the report never pretends."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from sqlalchemy.orm import Session

from server.networks.models import Network
from server.reports.document import Paragraph, Section
from server.reports.period import SchoolYear


@dataclass
class Subject:
    """What a section reports on: one network in one school year, as of `now`."""
    session: Session
    network: Network
    year: SchoolYear
    now: datetime
    memo: dict


Maker = Callable[[Subject], Section]
_order: list[str] = []
_makers: dict[str, Maker] = {}


def add(key: str, maker: Maker) -> None:
    """A section at the end of the report (reports' own, in sections' order)."""
    if key not in _makers:
        _order.append(key)
    _makers[key] = maker


def provide(key: str, maker: Maker) -> None:
    """A domain takes over a kept place (`surveys`, `plan_tasks`, `conclusions`)."""
    if key not in _makers:
        raise KeyError(f"no report section {key!r}")
    _makers[key] = maker


def placeholder(title: str, text: str) -> Maker:
    return lambda _subject: Section(title, [Paragraph(text)])


def build(subject: Subject) -> list[Section]:
    """Every section, numbered as they come (a domain's section takes its place's number)."""
    made = [_makers[key](subject) for key in _order]
    for number, section in enumerate(made, 1):
        section.title = f"{number}. {section.title}"
    return made


def keys() -> list[str]:
    return list(_order)
