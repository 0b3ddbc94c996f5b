"""Files the way a device makes and sends them: test images, office documents, uploads, attachments."""
from __future__ import annotations

import hashlib
import io
import struct
import uuid
import zipfile
from pathlib import Path

from PIL import Image

from server.extensions import db
from server.files import store, uploads
from server.syncing.engine import engine


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def jpeg(width: int = 1200, height: int = 800, orientation: int | None = None, color=(200, 30, 30)) -> bytes:
    im = Image.new("RGB", (width, height), color)
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Aparat testowy"  # Make
    if orientation:
        exif[0x0112] = orientation
    im.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png(width: int = 640, height: int = 640) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (0, 120, 200, 128)).save(out, "PNG")
    return out.getvalue()


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def ooxml(main: str = "wordprocessingml.document", extra: dict[str, bytes] | None = None) -> bytes:
    part = {"wordprocessingml.document": "/word/document.xml", "spreadsheetml.sheet": "/xl/workbook.xml",
            "presentationml.presentation": "/ppt/presentation.xml"}[main]
    types = (f'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             f'<Override PartName="{part}" ContentType="application/vnd.openxmlformats-officedocument.{main}.main+xml"/>'
             f"</Types>")
    return _zip({"[Content_Types].xml": types.encode(), part.lstrip("/"): b"<document/>", **(extra or {})})


def odf(kind: str = "text") -> bytes:
    return _zip({"mimetype": f"application/vnd.oasis.opendocument.{kind}".encode(), "content.xml": b"<x/>"})


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


def ole(*streams: str) -> bytes:
    """A minimal OLE2 compound file whose directory names ``streams`` (as legacy Office files do)."""
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    fat = struct.pack("<128I", 0xFFFFFFFD, end, *([free] * 126))
    directory = b"".join(_entry(name, 5 if i == 0 else 2) for i, name in enumerate(("Root Entry", *streams)))
    return bytes(header) + fat + directory.ljust(512, b"\0")


def _entry(name: str, kind: int) -> bytes:
    entry = bytearray(128)
    encoded = name.encode("utf-16-le")
    entry[: len(encoded)] = encoded
    struct.pack_into("<HB", entry, 0x40, len(encoded) + 2, kind)
    return bytes(entry)


def put(client, data: bytes, digest: str | None = None, headers: dict | None = None):
    return client.http.put(f"/api/files/{digest or sha(data)}", data=data,
                           headers={"X-CSRF-Token": client.csrf, "Content-Type": "application/octet-stream",
                                    **(headers or {})})


def attach_args(data: bytes, name: str = "scenariusz.pdf", **parent) -> dict:
    return {"id": str(uuid.uuid4()), "sha256": sha(data), "name": name, **parent}


def attach(client, data: bytes, name: str = "scenariusz.pdf", **parent) -> tuple[str, dict]:
    """Upload, then push ``attachment.add``; return the attachment id and the push result."""
    assert put(client, data).status_code in (200, 201)
    args = attach_args(data, name, **parent)
    return args["id"], client.push(("attachment.add", args)).get_json()["results"][0]


def attached_by(app, user_id: str, data: bytes, **parent) -> str:
    """Server-side: ``user_id`` has sent ``data`` and attached it; return the attachment id."""
    root = Path(app.config["FILES_DIR"])
    with store.temp_file(root) as tmp:
        tmp.write_bytes(data)
        uploads.finish(db.session, root, sha(data), user_id, tmp)
    args = attach_args(data, **parent)
    with engine.writing(db.session, user_id) as ctx:
        engine.run(ctx, "attachment.add", args)
    return args["id"]
