"""What a report or a certificate says, apart from how it is printed: the PDF (pdf.py) and the
DOCX (word.py) renderers both read these few blocks, so the two never say different things."""
from __future__ import annotations

from dataclasses import dataclass, field

NONE = "—"  # an empty cell, as a Poradnia writes it


@dataclass
class Column:
    label: str
    width: float  # a share of the page's width; a table's shares add up to 1
    align: str = "L"  # "L", "C" or "R"


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[str]]
    empty: str = "Brak."  # printed instead of a table with no rows
    total: list[str] | None = None  # a last row in bold


@dataclass
class Paragraph:
    text: str
    bold: bool = False


@dataclass
class Run:
    """A stretch of text in one style (co-edited minutes: server/reports/richtext.py)."""
    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass
class Rich:
    """A paragraph (level 0) or a heading (1–3) of formatted runs."""
    runs: list[Run]
    level: int = 0


@dataclass
class Items:
    """A bulleted or numbered list; each item is its own blocks (Rich, and Items nested)."""
    items: list[list]
    ordered: bool = False
    start: int = 1  # a numbered list's first number


@dataclass
class Facts:
    """Label: value lines, e.g. "Koordynator: Małgorzata Lis"."""
    items: list[tuple[str, str]]


@dataclass
class Section:
    title: str
    blocks: list = field(default_factory=list)


@dataclass
class Document:
    letterhead: list[str]  # the Poradnia's name, then its address and e-mail
    title: str
    subtitle: str = ""
    sections: list[Section] = field(default_factory=list)
    filename: str = "dokument"
