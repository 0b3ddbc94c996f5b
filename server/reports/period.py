"""A school year named by the year it starts: 2026 → "2026/2027", 1 September to 31 August in Warsaw."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from server.networks.years import following

WARSAW = ZoneInfo("Europe/Warsaw")
FIRST, LAST = 2000, 2100  # what a year argument may be
MONTHS = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
          "października", "listopada", "grudnia")


@dataclass(frozen=True)
class SchoolYear:
    start: int

    @property
    def label(self) -> str:
        return f"{self.start}/{self.start + 1}"

    @property
    def next_label(self) -> str:
        return following(self.label)

    @property
    def begins(self) -> datetime:  # midnight of 1 September in Warsaw
        return datetime(self.start, 9, 1, tzinfo=WARSAW).astimezone(timezone.utc)

    @property
    def ends(self) -> datetime:
        return datetime(self.start + 1, 9, 1, tzinfo=WARSAW).astimezone(timezone.utc)


def aware(moment: datetime) -> datetime:
    """A stored time (aware UTC) as Warsaw's."""
    return moment.astimezone(WARSAW)


def day(moment: datetime | date) -> str:
    """"3 grudnia 2026"."""
    d = aware(moment).date() if isinstance(moment, datetime) else moment
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def short(moment: datetime) -> str:
    """"03.12.2026, 15:00"."""
    return aware(moment).strftime("%d.%m.%Y, %H:%M")


def hours(value) -> str:
    """2 → "2", 2.5 → "2,5", 1.25 → "1,25": as Polish writes numbers."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
