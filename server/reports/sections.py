"""The annual report's sections, in order, each a function of what it reports on. Places are
kept for what other domains know (the surveys' summary, the plan's tasks, the conclusions):
`provide(key, function)` fills one. Until then its placeholder says plainly that there is
nothing yet, so the report never pretends. Reports sits above the domains it reads, so a
section drawn from a lower domain (surveys) is a module here that imports it and provides
its place; a domain above reports may provide from its own register.py. Either may run
before or after report.py adds its sections: a place is looked up when a report is built."""
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
_makers: dict[str, Maker] = {}  # reports' own, and the placeholders
_provided: dict[str, Maker] = {}  # what other domains put in the kept places


def add(key: str, maker: Maker) -> None:
    """A section at the end of the report (reports' own, in sections' order)."""
    if key not in _makers:
        _order.append(key)
    _makers[key] = maker


def provide(key: str, maker: Maker) -> None:
    """A domain takes over a kept place (`surveys`, `plan_tasks`, `conclusions`)."""
    _provided[key] = maker


def placeholder(title: str, text: str) -> Maker:
    return lambda _subject: Section(title, [Paragraph(text)])


def build(subject: Subject) -> list[Section]:
    """Every section, numbered as they come (a domain's section takes its place's number)."""
    unknown = set(_provided) - set(_order)
    if unknown:
        raise KeyError(f"no report section {sorted(unknown)!r}")  # a misspelt place would vanish unseen
    made = [_provided.get(key, _makers[key])(subject) for key in _order]
    for number, section in enumerate(made, 1):
        section.title = f"{number}. {section.title}"
    return made


def keys() -> list[str]:
    return list(_order)
