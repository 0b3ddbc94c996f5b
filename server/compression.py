"""Compressed answers: which encoding a request accepts, and JSON compressed on its way out.

The PWA's files are compressed once at build time (pwa/build.mjs; served by server/web.py);
JSON answers are compressed here, per response, above a size where it pays.
"""
from __future__ import annotations

import gzip

import brotli
from flask import Flask, Response, request

ENCODINGS = ("br", "gzip")  # the server's preference, best first
JSON_MIN_BYTES = 1024  # below this the header and the CPU cost more than the bytes saved
_BR_QUALITY = 5  # per response: fast enough for a 5,000-row pull, most of what 11 saves
_GZIP_LEVEL = 6


def accepted(header: str | None, offered: tuple[str, ...] = ENCODINGS) -> str | None:
    """The encoding of ``offered`` that ``Accept-Encoding`` rates highest (ties: the
    order of ``offered``), or None for identity. ``q=0`` refuses; a named coding
    outranks ``*``."""
    rated: dict[str, float] = {}
    for part in (header or "").split(","):
        name, *params = (p.strip() for p in part.split(";"))
        if not name:
            continue
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0  # unreadable: take it as a refusal rather than guess
        rated[name.lower()] = quality
    best, best_q = None, 0.0
    for coding in offered:
        quality = rated.get(coding, rated.get("*", 0.0))
        if quality > best_q:
            best, best_q = coding, quality
    return best


def compress(data: bytes, coding: str) -> bytes:
    if coding == "br":
        return brotli.compress(data, mode=brotli.MODE_TEXT, quality=_BR_QUALITY)
    if coding == "gzip":
        return gzip.compress(data, compresslevel=_GZIP_LEVEL, mtime=0)
    raise ValueError(coding)


def _compress_json(response: Response) -> Response:
    """Compress a JSON answer the client accepts compressed. Never twice (an encoded
    answer is left alone), never a stream or a file (``direct_passthrough``: send_file).
    The live channel never gets here: engine.io answers in front of Flask."""
    if response.mimetype != "application/json" or response.is_streamed or response.direct_passthrough:
        return response
    response.vary.add("Accept-Encoding")  # the same address answers both ways: caches must tell
    if "Content-Encoding" in response.headers or response.status_code in (204, 206, 304):
        return response
    coding = accepted(request.headers.get("Accept-Encoding"))
    data = response.get_data()
    if coding is None or len(data) < JSON_MIN_BYTES:
        return response
    response.set_data(compress(data, coding))  # sets Content-Length too
    response.headers["Content-Encoding"] = coding
    etag, weak = response.get_etag()
    if etag:  # another representation: another validator
        response.set_etag(f"{etag}-{coding}", weak=weak)
    return response


def init_app(app: Flask) -> None:
    app.after_request(_compress_json)
