"""PUT /api/files/<sha256>: bytes in, checked (hash, size, type), kept once, answered.

Whole files in one request, or resumed in pieces with ``Content-Range``. Either way
the bytes are only taken once they hash to the name they were sent under.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from server.db import utcnow
from server.errors import ApiError
from server.files import store, thumbnails
from server.files.models import FileUpload, StoredFile
from server.files.sniff import sniff

_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")
UNSUPPORTED = ("Tego rodzaju pliku nie można dodać. Można dodawać zdjęcia (JPEG, PNG, GIF, WebP), PDF "
               "i dokumenty biurowe (Word, Excel, PowerPoint, OpenDocument) bez makr.")


class WrongOffset(Exception):
    """A piece that does not start where the bytes kept so far end."""

    def __init__(self, offset: int):
        super().__init__(offset)
        self.offset = offset


@dataclass
class Limits:
    root: Path
    max_bytes: int


def too_large(limits: Limits) -> ApiError:
    megabytes = limits.max_bytes / (1024 * 1024)
    return ApiError(413, "too_large", f"Plik jest za duży: można dodać najwyżej {megabytes:g} MB.")


def possessed(session: Session, root: Path, sha256: str, user_id: str) -> bool:
    """She has sent these bytes before and they are still on disk: a repeat is a no-op."""
    sent = session.get(FileUpload, (sha256, user_id)) is not None
    return sent and store.has(root, sha256)


def parse_range(header: str | None) -> tuple[int, int, int] | None:
    """``bytes start-end/total`` → (start, end, total); no header → None (the whole file)."""
    if header is None:
        return None
    found = _RANGE.match(header.strip())
    if not found:
        raise ApiError(400, "invalid_request", "Niepoprawny nagłówek Content-Range.",
                       {"Content-Range": ["Oczekiwano: bytes początek-koniec/rozmiar."]})
    start, end, total = (int(g) for g in found.groups())
    if not start <= end < total:
        raise ApiError(400, "invalid_request", "Niepoprawny zakres bajtów.", {"Content-Range": ["Zły zakres."]})
    return start, end, total


def receive(session: Session, limits: Limits, sha256: str, user_id: str, stream: BinaryIO,
            content_range: str | None, length: int | None) -> dict:
    """A PUT of a file's bytes, whole or one piece of a resumed upload: what she has sent
    before is a no-op (its description); a piece short of the end answers ``{"offset": n}``;
    the last byte in, ``finish``'s answer (``created`` says whether the bytes are new)."""
    if possessed(session, limits.root, sha256, user_id):
        return describe(session.get(StoredFile, sha256))
    span = parse_range(content_range)
    if span is None:
        return whole(session, limits, sha256, user_id, stream, length)
    return piece(session, limits, sha256, user_id, stream, span)


def whole(session: Session, limits: Limits, sha256: str, user_id: str, stream: BinaryIO, length: int | None) -> dict:
    if length is not None and length > limits.max_bytes:
        raise too_large(limits)
    with store.temp_file(limits.root) as tmp:
        _receive(stream, tmp, limits.max_bytes, length, append=False, limits=limits)
        return finish(session, limits.root, sha256, user_id, tmp)


def piece(session: Session, limits: Limits, sha256: str, user_id: str, stream: BinaryIO,
          span: tuple[int, int, int]) -> dict:
    """One piece of a resumed upload: answers ``{"offset": n}`` until the last piece completes it."""
    start, end, total = span
    if total > limits.max_bytes:
        raise too_large(limits)
    with store.locked_partial(limits.root, user_id, sha256) as part:
        have = part.stat().st_size if part.is_file() else 0
        if start not in (0, have):
            raise WrongOffset(have)
        _receive(stream, part, end - start + 1, end - start + 1, append=start > 0, limits=limits)
        if end + 1 < total:
            return {"offset": end + 1}
        try:
            return finish(session, limits.root, sha256, user_id, part)
        finally:
            part.unlink(missing_ok=True)  # taken, or refused: a new try starts from zero


def _receive(stream, target: Path, max_bytes: int, expected: int | None, append: bool, limits: Limits) -> None:
    try:
        store.receive(stream, target, max_bytes, expected, append)
    except store.TooLarge:
        if expected is not None:  # more than the request itself announced
            raise ApiError(400, "invalid_request", "Przesłano więcej danych, niż zapowiedziano.")
        raise too_large(limits)
    except store.ShortBody:
        raise ApiError(400, "incomplete", "Przesłano mniej danych, niż zapowiedziano. Spróbuj jeszcze raz.")


def finish(session: Session, root: Path, sha256: str, user_id: str, source: Path) -> dict:
    """Check the received bytes and keep them (once); record that she has sent them."""
    if store.digest(source) != sha256:
        raise ApiError(400, "hash_mismatch", "Zawartość pliku nie zgadza się z jego skrótem SHA-256. Wyślij go jeszcze raz.")
    stored = session.get(StoredFile, sha256)
    created = stored is None or not store.has(root, sha256)
    if created:  # new, or its bytes were lost from disk: check them as new
        fresh = _keep(root, sha256, source)
        store.place(source, store.path(root, sha256))
        stored = stored or fresh
    _insert_once(session, StoredFile, sha256=stored.sha256, mime=stored.mime, size=stored.size,
                 has_thumbnail=stored.has_thumbnail, created_at=utcnow())
    _insert_once(session, FileUpload, sha256=sha256, user_id=user_id, created_at=utcnow())
    session.commit()
    return describe(stored) | {"created": created}


def describe(stored: StoredFile) -> dict:
    return {"sha256": stored.sha256, "mime": stored.mime, "size": stored.size, "has_thumbnail": stored.has_thumbnail}


def _keep(root: Path, sha256: str, source: Path) -> StoredFile:
    """Sniff the type and, for images, write the thumbnail before the file itself appears."""
    kind = sniff(source)
    if kind is None:
        raise ApiError(415, "unsupported_type", UNSUPPORTED)
    if kind.image:
        with store.temp_file(root, ".jpg") as thumb:
            try:
                thumbnails.make(source, thumb)
            except thumbnails.BadImage:
                raise ApiError(415, "unsupported_type", "Nie udało się odczytać tego obrazu: plik jest uszkodzony.")
            store.place(thumb, store.thumbnail_path(root, sha256))
    return StoredFile(sha256=sha256, mime=kind.mime, size=source.stat().st_size, has_thumbnail=kind.image)


def _insert_once(session: Session, model, **values) -> None:
    """INSERT … ON CONFLICT DO NOTHING: two people may send the same file at once."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(model).values(**values).on_conflict_do_nothing())
