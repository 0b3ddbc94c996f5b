"""Bytes on disk: <root>/<aa>/<bb>/<sha256>, written beside and renamed into place.

A file is only ever visible complete: it is written to <root>/tmp, flushed to disk
and renamed (atomic on one file system). Resumed uploads grow in
<root>/partial/<user id>/<sha256>.part until they are whole.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

CHUNK = 64 * 1024
STALE_SECONDS = 7 * 24 * 3600  # unfinished uploads older than this are dropped


class TooLarge(Exception):
    """More bytes came than the limit allows."""


class ShortBody(Exception):
    """Fewer or more bytes came than the request announced."""


def path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256[2:4] / sha256


def thumbnail_path(root: Path, sha256: str) -> Path:
    return path(root, sha256).with_name(f"{sha256}.thumb.jpg")


def has(root: Path, sha256: str) -> bool:
    return path(root, sha256).is_file()


@contextmanager
def temp_file(root: Path, suffix: str = "") -> Iterator[Path]:
    """A fresh file in <root>/tmp, removed when the block ends unless it was moved away."""
    folder = root / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=folder, suffix=suffix)
    os.close(fd)
    try:
        yield Path(name)
    finally:
        Path(name).unlink(missing_ok=True)


def receive(stream: BinaryIO, target: Path, max_bytes: int, expected: int | None = None, append: bool = False) -> int:
    """Copy the request body to ``target``; return how many bytes came."""
    received = 0
    with open(target, "ab" if append else "wb") as out:
        while chunk := stream.read(CHUNK):
            received += len(chunk)
            if received > max_bytes:
                raise TooLarge()
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if expected is not None and received != expected:
        raise ShortBody()
    return received


def digest(source: Path) -> str:
    sha = hashlib.sha256()
    with open(source, "rb") as f:
        while chunk := f.read(1024 * 1024):
            sha.update(chunk)
    return sha.hexdigest()


def place(source: Path, target: Path) -> None:
    """Move a finished file into place in one step; readers never see half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def partial_path(root: Path, user_id: str, sha256: str) -> Path:
    return root / "partial" / user_id / f"{sha256}.part"


def partial_size(root: Path, user_id: str, sha256: str) -> int:
    part = partial_path(root, user_id, sha256)
    return part.stat().st_size if part.is_file() else 0


@contextmanager
def locked_partial(root: Path, user_id: str, sha256: str) -> Iterator[Path]:
    """Hold the partial file so two retries of one chunk never interleave."""
    part = partial_path(root, user_id, sha256)
    part.parent.mkdir(parents=True, exist_ok=True)
    with open(part.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield part
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def sweep(root: Path, now: float | None = None) -> None:
    """Drop leftovers of uploads abandoned long ago (a device that returns starts again)."""
    cutoff = (now or time.time()) - STALE_SECONDS
    for folder in (root / "tmp", root / "partial"):
        if not folder.is_dir():
            continue
        for item in folder.rglob("*"):
            try:
                if item.is_file() and item.stat().st_mtime < cutoff:
                    item.unlink()
            except OSError:
                continue  # another process removed it first
