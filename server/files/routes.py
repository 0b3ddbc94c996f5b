"""File bytes over REST: upload (whole or resumed), probe, and download of attachments."""
from __future__ import annotations

import logging
from pathlib import Path
from uuid import UUID

from flask import Blueprint, current_app, jsonify, request, send_file

from server.accounts.auth import by_account, current_user_id, login_required
from server.errors import ApiError, error_body
from server.extensions import db
from server.fields import SHA256
from server.files import names, store, uploads
from server.files.access import readable
from server.files.sniff import by_mime
from server.ratelimits import UPLOADS, limiter

bp = Blueprint("files", __name__)
log = logging.getLogger(__name__)

# Whatever a file holds, a browser must never run it on Krąg's origin.
FILE_HEADERS = {
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, no-cache",  # revalidated by ETag: access can end, the bytes never change
}


def _limits() -> uploads.Limits:
    return uploads.Limits(Path(current_app.config["FILES_DIR"]), current_app.config["FILE_MAX_BYTES"])


def _sha(value: str) -> str | None:
    value = value.lower()
    return value if SHA256.fullmatch(value) else None


@bp.put("/api/files/<sha256>")
@login_required
@limiter.limit(UPLOADS, key_func=by_account)
def upload(sha256: str):
    sha = _sha(sha256)
    if sha is None:
        raise ApiError(400, "invalid_request", "Adresem pliku jest jego skrót SHA-256: 64 znaki 0–9 i a–f.")
    try:
        body = uploads.receive(db.session, _limits(), sha, current_user_id(), request.stream,
                               request.headers.get("Content-Range"), request.content_length)
    except uploads.WrongOffset as exc:
        message = f"Serwer ma już {exc.offset} B tego pliku: wyślij resztę od tego miejsca."
        return jsonify(error_body("upload_offset", message) | {"offset": exc.offset}), 409
    if "offset" in body:
        return jsonify(body), 202
    created = body.pop("created", False)  # none when she had sent it before: nothing to do
    return jsonify(body), 201 if created else 200


@bp.route("/api/files/<sha256>", methods=["HEAD"])
@login_required
def probe(sha256: str):
    """200: she has sent these bytes already; 404 with ``Upload-Offset``: how much of a resumed upload is here."""
    sha, limits, user_id = _sha(sha256), _limits(), current_user_id()
    if sha and uploads.possessed(db.session, limits.root, sha, user_id):
        return "", 200
    offset = store.partial_size(limits.root, user_id, sha) if sha else 0
    return "", 404, {"Upload-Offset": str(offset)}


def _attachment(attachment_id: UUID):
    attachment = readable(db.session, str(attachment_id), current_user_id())
    if attachment is None:
        raise ApiError(404, "not_found", "Nie ma takiego pliku albo nie masz do niego dostępu.")
    return attachment


def _send(path: Path, mime: str, inline: bool, name: str, etag: str):
    if not path.is_file():
        log.error("attachment bytes missing on disk: %s", path)
        raise ApiError(404, "not_found", "Tego pliku nie ma już na serwerze.")
    response = send_file(path, mimetype=mime, as_attachment=not inline, download_name=name, etag=etag,
                         conditional=True, max_age=None)
    response.headers.update(FILE_HEADERS)
    return response


@bp.get("/api/attachments/<uuid:attachment_id>")  # only a whole UUID names one: anything else is a 404
@login_required
def download(attachment_id: UUID):
    attachment = _attachment(attachment_id)
    kind = by_mime(attachment.file.mime)
    # Images open in the browser; everything else is saved. PDFs too: Chrome will not
    # show a PDF under a sandboxing CSP, and the sandbox is not negotiable.
    return _send(store.path(_limits().root, attachment.sha256), kind.mime, kind.image,
                 names.for_download(attachment.name, kind), attachment.sha256)


@bp.get("/api/attachments/<uuid:attachment_id>/thumbnail")
@login_required
def thumbnail(attachment_id: UUID):
    attachment = _attachment(attachment_id)
    if not attachment.file.has_thumbnail:
        raise ApiError(404, "not_found", "Ten plik nie ma miniatury.")
    stem = attachment.name.rpartition(".")[0] or attachment.name
    return _send(store.thumbnail_path(_limits().root, attachment.sha256), "image/jpeg", True,
                 f"{stem}-miniatura.jpg", f"{attachment.sha256}.thumb")
