"""Polish text folded for search: "Żółw" and "zolw" are the same word, "żółwia" starts like it."""
from __future__ import annotations

import re
import unicodedata

# Endings of Polish declension and conjugation, already folded, longest first.
ENDINGS = sorted(
    {
        "a", "e", "i", "o", "u", "y", "ac", "al", "ala", "ali", "aly", "ach", "ami", "ecie", "ego", "ej", "em",
        "emu", "emy", "esz", "ia", "iach", "iami", "ich", "ie", "iem", "im", "imi", "io", "iu", "om", "ow",
        "owa", "owe", "owej", "owi", "owie", "owy", "owych", "ych", "ym", "ymi",
    },
    key=len,
    reverse=True,
)
MIN_STEM = 3
WORD = re.compile(r"[0-9a-z]+")


def _fold_char(ch: str) -> str:
    if ch in "łŁ":
        return "l"
    base = unicodedata.normalize("NFKD", ch)[0].lower()
    return base if len(base) == 1 else ch.lower()[:1]


def fold(text: str) -> str:
    """Lower-case, diacritics dropped, one character for one: offsets stay as in the original."""
    return "".join(_fold_char(ch) for ch in text)


def stem(word: str) -> str:
    """Cut a declension ending, keeping at least three letters ("uczniów" → "uczni")."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def query_terms(query: str) -> list[str]:
    """What to look for: stems of the folded words, each matched as a prefix."""
    terms = []
    for word in WORD.findall(fold(query)):
        term = stem(word) if len(word) > MIN_STEM else word
        if term and term not in terms:
            terms.append(term)
    return terms[:12]
