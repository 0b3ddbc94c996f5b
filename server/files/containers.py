"""Office documents are containers: a ZIP (OOXML, ODF) or an OLE2 compound file (legacy
doc/xls/ppt). Their outer magic says little, so the inside is read — sparingly, with
limits, never trusting sizes it states. Documents carrying macros are not taken.
"""
from __future__ import annotations

import mmap
import re
import struct
import zipfile
from pathlib import Path

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

OOXML = "application/vnd.openxmlformats-officedocument."
_OOXML_MAIN = {  # the main part's content type in [Content_Types].xml → the file's type
    f"{OOXML}wordprocessingml.document.main+xml": f"{OOXML}wordprocessingml.document",
    f"{OOXML}spreadsheetml.sheet.main+xml": f"{OOXML}spreadsheetml.sheet",
    f"{OOXML}presentationml.presentation.main+xml": f"{OOXML}presentationml.presentation",
}
_ODF = {f"application/vnd.oasis.opendocument.{k}" for k in ("text", "spreadsheet", "presentation")}
_CONTENT_TYPE = re.compile(rb"""ContentType\s*=\s*["']([^"']{1,200})["']""")
_READ_LIMIT = 256 * 1024  # of a decompressed part: a zip bomb stops here


def zip_mime(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                return None  # macros
            if "mimetype" in names:
                with zf.open("mimetype") as part:
                    mime = part.read(100).decode("ascii", "replace").strip()
                return mime if mime in _ODF else None
            if "[Content_Types].xml" in names:
                with zf.open("[Content_Types].xml") as part:
                    types = {m.decode("ascii", "replace") for m in _CONTENT_TYPE.findall(part.read(_READ_LIMIT))}
                found = {_OOXML_MAIN[t] for t in types if t in _OOXML_MAIN}
                return found.pop() if len(found) == 1 else None
    except Exception:  # a container that cannot be read is not one we take (bad zip, encryption, …)
        return None
    return None


_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_OLE_STREAMS = {  # a stream every such document has → its type
    "WordDocument": "application/msword",
    "Workbook": "application/vnd.ms-excel",
    "Book": "application/vnd.ms-excel",
    "PowerPoint Document": "application/vnd.ms-powerpoint",
}
_OLE_MACROS = {"Macros", "_VBA_PROJECT_CUR", "VBA", "_VBA_PROJECT"}


def ole_mime(path: Path) -> str | None:
    try:
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            names = set(_ole_names(data))
    except (struct.error, ValueError, IndexError, OSError):
        return None
    if names & _OLE_MACROS:
        return None
    found = {_OLE_STREAMS[n] for n in names if n in _OLE_STREAMS}
    return found.pop() if len(found) == 1 else None


def _ole_names(data: mmap.mmap) -> list[str]:
    """The names in an OLE2 compound file's directory ([MS-CFB] 2.2, 2.6)."""
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        raise ValueError("sector size")
    size = 1 << shift
    limit = len(data) // size + 1  # no chain is longer than the file: cycles end here

    def sector(n: int) -> bytes:
        start = (n + 1) * size
        if n >= limit or start >= len(data):
            raise ValueError("sector out of the file")
        return data[start:start + size]

    fat_sectors = list(struct.unpack_from("<109I", data, 0x4C))
    difat, hops = struct.unpack_from("<I", data, 0x44)[0], 0
    while difat not in (_FREE, _END) and hops < limit:
        entries = struct.unpack(f"<{size // 4}I", sector(difat))
        fat_sectors += entries[:-1]
        difat, hops = entries[-1], hops + 1
    fat: list[int] = []
    for n in fat_sectors:
        if n not in (_FREE, _END):
            fat += struct.unpack(f"<{size // 4}I", sector(n))

    names, n, hops = [], struct.unpack_from("<I", data, 0x30)[0], 0
    while n not in (_FREE, _END) and hops < limit:
        block = sector(n)
        for offset in range(0, size, 128):
            length = struct.unpack_from("<H", block, offset + 0x40)[0]
            if 2 <= length <= 64:
                names.append(block[offset:offset + length - 2].decode("utf-16-le", "replace"))
        n, hops = fat[n], hops + 1
    return names
