"""Polish school years run from September to August."""
from __future__ import annotations

from datetime import date


def school_year(on: date) -> str:
    start = on.year if on.month >= 9 else on.year - 1
    return f"{start}/{start + 1}"


def following(year: str) -> str:
    start = int(year.split("/")[0]) + 1
    return f"{start}/{start + 1}"
