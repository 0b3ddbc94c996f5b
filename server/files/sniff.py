"""What a file is, told by its bytes alone: the few types Krąg keeps.

Neither the name nor the Content-Type the device sent counts. Anything not
recognised here (HTML, SVG, scripts, programs, archives) is refused.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from server.files import containers


@dataclass(frozen=True)
class Kind:
    mime: str
    extensions: tuple[str, ...]  # the first one is given to downloads that lack one of these
    image: bool = False


_ODF = "application/vnd.oasis.opendocument."
KINDS = {
    kind.mime: kind
    for kind in (
        Kind("image/jpeg", ("jpg", "jpeg"), image=True),
        Kind("image/png", ("png",), image=True),
        Kind("image/gif", ("gif",), image=True),
        Kind("image/webp", ("webp",), image=True),
        Kind("application/pdf", ("pdf",)),
        Kind(containers.OOXML + "wordprocessingml.document", ("docx",)),
        Kind(containers.OOXML + "spreadsheetml.sheet", ("xlsx",)),
        Kind(containers.OOXML + "presentationml.presentation", ("pptx",)),
        Kind(_ODF + "text", ("odt",)),
        Kind(_ODF + "spreadsheet", ("ods",)),
        Kind(_ODF + "presentation", ("odp",)),
        Kind("application/msword", ("doc",)),
        Kind("application/vnd.ms-excel", ("xls",)),
        Kind("application/vnd.ms-powerpoint", ("ppt",)),
    )
}


def _by_magic(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    return None


def sniff(path: Path) -> Kind | None:
    """The file's kind, or None when Krąg does not take it."""
    with open(path, "rb") as f:
        head = f.read(16)
    mime = _by_magic(head)
    if mime is None and head.startswith(containers.ZIP_MAGIC):
        mime = containers.zip_mime(path)
    if mime is None and head.startswith(containers.OLE_MAGIC):
        mime = containers.ole_mime(path)
    return KINDS.get(mime) if mime else None


def by_mime(mime: str) -> Kind:
    return KINDS[mime]
