"""File names as people sent them, made harmless: no folders, no control characters, ≤ 200 chars."""
from __future__ import annotations

import re
import unicodedata

from server.files.sniff import Kind

MAX_NAME = 200
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")  # controls, bidi tricks


def clean(name: str) -> str:
    """The last path part, NFC (Polish letters from Macs come decomposed), trimmed to 200 chars."""
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[\\/]", name)[-1]
    name = _UNSAFE.sub("", name).strip().lstrip(".").strip()
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            name = stem[: MAX_NAME - len(ext) - 1].rstrip() + "." + ext
        else:
            name = name[:MAX_NAME].rstrip()
    return name or "plik"


def for_download(name: str, kind: Kind) -> str:
    """The name a download is saved under ends as its real type does ("zdjęcie.exe" → "zdjęcie.exe.jpg")."""
    ext = name.rpartition(".")[2].lower() if "." in name else ""
    return name if ext in kind.extensions else f"{name}.{kind.extensions[0]}"
