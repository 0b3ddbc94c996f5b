"""File bytes over REST and attachments through push: docs/sync-protocol.md, "Files and attachments"."""
from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from PIL import Image

from server.db import utcnow
from server.extensions import db
from tests.apiclient import krag_cli
from tests.integration.files_helpers import (attach, attach_args, jpeg, odf, ole, ooxml, pdf, png, put, sha)
from tests.integration.forum_helpers import GIFTED, MATH, network_id, new_thread
from tests.integration.server_writes import archive, last_day_passes, make_expert

ANNA, JAN, PIOTR = "anna.nowak@example.org", "jan.kowalski@example.org", "piotr.zielinski@example.org"


def _stored_files(app) -> list[Path]:
    root = Path(app.config["FILES_DIR"])
    return [p for p in root.rglob("*") if p.is_file() and p.parent.name not in ("tmp",) and "partial" not in p.parts]


def _own_post(client, network: str = MATH) -> str:
    name, args = new_thread(network_id(network))
    assert client.push((name, args)).get_json()["results"][0]["status"] == "applied"
    return args["post_id"]


def test_a_member_uploads_attaches_and_others_download(app, demo, as_user):
    anna, jan, piotr = as_user(ANNA), as_user(JAN), as_user(PIOTR)
    photo = jpeg(1200, 800, orientation=6)  # taken with the phone on its side
    response = put(anna, photo)
    assert response.status_code == 201
    assert response.get_json() == {"sha256": sha(photo), "mime": "image/jpeg", "size": len(photo), "has_thumbnail": True}

    post_id = _own_post(anna)
    attachment_id, result = attach(anna, photo, "../../Tablica ułamków.JPG", post_id=post_id)
    assert result["status"] == "applied"
    row = jan.rows("attachment")[attachment_id]
    assert row == {"id": attachment_id, "post_id": post_id, "resource_id": None, "meeting_id": None,
                   "network_id": network_id(MATH),
                   "name": "Tablica ułamków.JPG", "author_id": anna.id, "mime": "image/jpeg", "size": len(photo),
                   "sha256": sha(photo), "has_thumbnail": True, "created_at": row["created_at"]}

    download = jan.http.get(f"/api/attachments/{attachment_id}")
    assert download.status_code == 200 and download.data == photo
    assert download.headers["Content-Type"] == "image/jpeg"
    assert download.headers["Content-Disposition"].startswith("inline")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert download.headers["Cache-Control"].startswith("private")
    assert download.headers["ETag"] == f'"{sha(photo)}"'
    again = jan.http.get(f"/api/attachments/{attachment_id}", headers={"If-None-Match": f'"{sha(photo)}"'})
    assert again.status_code == 304

    thumb = jan.http.get(f"/api/attachments/{attachment_id}/thumbnail")
    assert thumb.status_code == 200 and thumb.headers["Content-Type"] == "image/jpeg"
    assert thumb.headers["Content-Security-Policy"] == "sandbox; default-src 'none'"
    with Image.open(io.BytesIO(thumb.data)) as im:
        assert im.format == "JPEG" and im.size == (320, 480)  # turned upright, longest side 480
        assert not im.getexif()  # no camera, no GPS, no orientation left

    for path in (f"/api/attachments/{attachment_id}", f"/api/attachments/{attachment_id}/thumbnail"):
        assert piotr.http.get(path).status_code == 404  # not in the network: as if it did not exist
    assert attachment_id not in piotr.rows("attachment")
    assert app.test_client().get(f"/api/attachments/{attachment_id}").status_code == 401


def test_the_same_bytes_are_stored_once_and_a_repeat_is_a_no_op(app, demo, as_user):
    anna, jan = as_user(ANNA), as_user(JAN)
    data = pdf()
    head = lambda c: c.http.head(f"/api/files/{sha(data)}")  # noqa: E731
    assert head(anna).status_code == 404
    assert put(anna, data).status_code == 201
    assert head(anna).status_code == 200
    assert put(anna, data).status_code == 200  # an answer was lost: sending again changes nothing
    # Jan has the same file: he proves it by sending it, but it is not kept twice.
    assert head(jan).status_code == 404
    assert put(jan, data).status_code == 200
    assert head(jan).status_code == 200
    assert [p.name for p in _stored_files(app)] == [sha(data)]


def test_a_png_gets_a_thumbnail_on_white(app, demo, as_user):
    anna = as_user(ANNA)
    body = put(anna, png(640, 640)).get_json()
    assert body["mime"] == "image/png" and body["has_thumbnail"] is True
    attachment_id, _ = attach(anna, png(640, 640), "schemat.png", post_id=_own_post(anna))
    with Image.open(io.BytesIO(anna.http.get(f"/api/attachments/{attachment_id}/thumbnail").data)) as im:
        assert im.size == (480, 480) and im.mode == "RGB"


def test_a_body_that_does_not_match_its_hash_is_refused(app, demo, as_user):
    anna = as_user(ANNA)
    response = put(anna, pdf(), digest=sha(b"something else"))
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "hash_mismatch"
    assert put(anna, pdf(), digest="not-a-hash").status_code == 400
    assert _stored_files(app) == []


def test_too_large_files_are_refused(app, demo, as_user):
    anna = as_user(ANNA)
    app.config["FILE_MAX_BYTES"] = 1024 * 1024
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024)
    response = put(anna, big)
    assert response.status_code == 413
    assert response.get_json()["error"] == {"code": "too_large", "message": "Plik jest za duży: można dodać najwyżej 1 MB."}
    piece = put(anna, big[:1000], digest=sha(big), headers={"Content-Range": f"bytes 0-999/{len(big)}"})
    assert piece.status_code == 413
    assert _stored_files(app) == []


REFUSED = {
    "HTML named .pdf": b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>",
    "SVG": b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "shell script": b"#!/bin/sh\nrm -rf ~\n",
    "Windows program": b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200,
    "plain zip": None,  # filled below: a zip that is no office document
    "Word with macros": ooxml(extra={"word/vbaProject.bin": b"\x00" * 64}),
    "old Word with macros": ole("WordDocument", "Macros"),
    "installer (OLE2, no document stream)": ole("\u4840\u45f2"),
    "JPEG header, no picture": b"\xff\xd8\xff\xe0" + b"not really a picture" * 20,
    "empty": b"",
}


@pytest.mark.parametrize("what", list(REFUSED))
def test_files_are_judged_by_their_bytes_and_others_refused(app, demo, as_user, what):
    anna = as_user(ANNA)
    data = REFUSED[what]
    if data is None:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            zf.writestr("readme.txt", "hello")
        data = out.getvalue()
    response = put(anna, data)
    assert response.status_code == 415, what
    assert response.get_json()["error"]["code"] == "unsupported_type"
    assert "PDF" in response.get_json()["error"]["message"] or "obrazu" in response.get_json()["error"]["message"]
    assert _stored_files(app) == []


def _gif() -> bytes:
    out = io.BytesIO()
    Image.new("P", (10, 10)).save(out, "GIF")
    return out.getvalue()


def _webp() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "WEBP")
    return out.getvalue()


OOXML, ODF = "application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument."
ACCEPTED = {
    "gif": (_gif, "image/gif"),
    "webp": (_webp, "image/webp"),
    "pdf": (pdf, "application/pdf"),
    "docx": (ooxml, OOXML + "wordprocessingml.document"),
    "xlsx": (lambda: ooxml("spreadsheetml.sheet"), OOXML + "spreadsheetml.sheet"),
    "pptx": (lambda: ooxml("presentationml.presentation"), OOXML + "presentationml.presentation"),
    "odt": (odf, ODF + "text"),
    "ods": (lambda: odf("spreadsheet"), ODF + "spreadsheet"),
    "odp": (lambda: odf("presentation"), ODF + "presentation"),
    "doc": (lambda: ole("WordDocument", "1Table"), "application/msword"),
    "xls": (lambda: ole("Workbook"), "application/vnd.ms-excel"),
    "ppt": (lambda: ole("PowerPoint Document", "Current User"), "application/vnd.ms-powerpoint"),
}


@pytest.mark.parametrize("ext", list(ACCEPTED))
def test_office_documents_pdf_and_images_are_taken(app, demo, as_user, ext):
    anna = as_user(ANNA)
    make, mime = ACCEPTED[ext]
    data = make()
    response = put(anna, data, headers={"Content-Type": "text/html"})  # what the device claims does not count
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["mime"] == mime
    assert response.get_json()["has_thumbnail"] is mime.startswith("image/")


def test_documents_are_saved_not_opened_and_named_by_their_real_type(app, demo, as_user):
    anna = as_user(ANNA)
    post_id = _own_post(anna)
    doc_id, _ = attach(anna, ooxml(), "plan lekcji.docx", post_id=post_id)
    pdf_id, _ = attach(anna, pdf(), "lista.exe", post_id=post_id)
    doc = anna.http.get(f"/api/attachments/{doc_id}")
    assert doc.headers["Content-Type"] == OOXML + "wordprocessingml.document"
    assert doc.headers["Content-Disposition"].startswith("attachment")
    assert "plan%20lekcji.docx" in doc.headers["Content-Disposition"] or "plan lekcji.docx" in doc.headers["Content-Disposition"]
    saved = anna.http.get(f"/api/attachments/{pdf_id}")
    assert saved.headers["Content-Type"] == "application/pdf"
    assert saved.headers["Content-Disposition"] == "attachment; filename=lista.exe.pdf"
    assert anna.http.get(f"/api/attachments/{pdf_id}/thumbnail").status_code == 404


def test_attaching_before_the_upload_waits_for_the_file(app, demo, as_user):
    anna, jan = as_user(ANNA), as_user(JAN)
    post_id = _own_post(anna)
    data = jpeg(100, 100)
    early = anna.push(("attachment.add", attach_args(data, "foto.jpg", post_id=post_id))).get_json()["results"][0]
    assert early["status"] == "rejected" and early["error"]["code"] == "file_missing"
    # Knowing a hash is not having the file: Jan's upload does not let Anna attach it.
    put(jan, data)
    assert anna.push(("attachment.add", attach_args(data, post_id=post_id))).get_json()["results"][0]["error"]["code"] \
        == "file_missing"
    put(anna, data)
    assert anna.push(("attachment.add", attach_args(data, post_id=post_id))).get_json()["results"][0]["status"] == "applied"


def test_who_may_attach_and_remove(app, demo, as_user):
    anna, jan, piotr = as_user(ANNA), as_user(JAN), as_user(PIOTR)
    post_id = _own_post(anna)
    for client in (jan, piotr):  # another member; someone outside the network
        _, result = attach(client, pdf(), post_id=post_id)
        assert result["error"]["code"] == "forbidden"
    attachment_id, _ = attach(anna, pdf(), post_id=post_id)
    for client in (jan, piotr):
        result = client.push(("attachment.remove", {"id": attachment_id})).get_json()["results"][0]
        assert result["error"]["code"] == "forbidden"
    assert anna.push(("attachment.remove", {"id": attachment_id})).get_json()["results"][0]["status"] == "applied"
    assert attachment_id not in jan.rows("attachment")
    assert jan.http.get(f"/api/attachments/{attachment_id}").status_code == 404
    again = anna.push(("attachment.remove", {"id": attachment_id})).get_json()["results"][0]
    assert again["error"]["code"] == "not_found"


def test_bad_attachment_arguments_are_rejected_with_fields(app, demo, as_user):
    anna = as_user(ANNA)
    post_id = _own_post(anna)
    both = attach_args(pdf(), post_id=post_id, resource_id=post_id)
    neither = attach_args(pdf())
    bad_hash = attach_args(pdf(), post_id=post_id) | {"sha256": "XYZ"}
    results = anna.push(("attachment.add", both), ("attachment.add", neither), ("attachment.add", bad_hash)).get_json()
    errors = [r["error"] for r in results["results"]]
    assert [e["code"] for e in errors] == ["invalid"] * 3
    assert set(errors[0]["fields"]) == {"post_id", "resource_id"} and set(errors[1]["fields"]) == {"post_id", "resource_id"}
    assert errors[2]["fields"] == {"sha256": ["Skrót SHA-256 to 64 znaki 0–9 i a–f."]}


@pytest.mark.parametrize("sent,kept", [
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\anna\\Pulpit\\zdje\u0328cie.jpg", "zdjęcie.jpg"),  # decomposed "ę" from a Mac
    ("\u202egpj.exe", "gpj.exe"),
    ("   ", "plik"),
    ("a" * 300 + ".pdf", "a" * 196 + ".pdf"),
])
def test_file_names_lose_folders_and_tricks(app, demo, as_user, sent, kept):
    anna = as_user(ANNA)
    attachment_id, result = attach(anna, pdf(), sent, post_id=_own_post(anna))
    assert result["status"] == "applied"
    assert anna.rows("attachment")[attachment_id]["name"] == kept


def test_an_archived_network_takes_no_attachments(app, demo, as_user):
    anna = as_user(ANNA)
    post_id = _own_post(anna)
    attachment_id, _ = attach(anna, pdf(), post_id=post_id)
    archive(network_id(MATH))
    _, result = attach(anna, jpeg(50, 50), post_id=post_id)
    assert result["error"]["code"] == "archived"
    assert anna.push(("attachment.remove", {"id": attachment_id})).get_json()["results"][0]["error"]["code"] == "archived"
    assert anna.http.get(f"/api/attachments/{attachment_id}").status_code == 200  # still read


def test_an_expert_downloads_until_her_last_day(app, demo, as_user):
    anna, piotr = as_user(ANNA), as_user(PIOTR)
    attachment_id, _ = attach(anna, pdf(), post_id=_own_post(anna))
    make_expert(network_id(MATH), piotr.id, utcnow() + timedelta(days=1))
    assert piotr.http.get(f"/api/attachments/{attachment_id}").status_code == 200
    last_day_passes(piotr.id)
    assert piotr.http.get(f"/api/attachments/{attachment_id}").status_code == 404


def test_a_large_file_is_resumed_in_pieces(app, demo, as_user):
    anna = as_user(ANNA)
    data = jpeg(900, 900)
    digest, total, half = sha(data), len(data), len(data) // 2
    first = put(anna, data[:half], digest, {"Content-Range": f"bytes 0-{half - 1}/{total}"})
    assert first.status_code == 202 and first.get_json() == {"offset": half}
    probe = anna.http.head(f"/api/files/{digest}")
    assert probe.status_code == 404 and probe.headers["Upload-Offset"] == str(half)
    # A piece that does not follow on is told where to go on from.
    wrong = put(anna, data[half + 10:], digest, {"Content-Range": f"bytes {half + 10}-{total - 1}/{total}"})
    assert wrong.status_code == 409 and wrong.get_json()["offset"] == half
    last = put(anna, data[half:], digest, {"Content-Range": f"bytes {half}-{total - 1}/{total}"})
    assert last.status_code == 201 and last.get_json()["has_thumbnail"] is True
    assert anna.http.head(f"/api/files/{digest}").status_code == 200
    assert [p.name for p in _stored_files(app) if not p.name.endswith(".jpg")] == [digest]
    bad = put(anna, b"x", digest, {"Content-Range": "bytes 5-1/10"})
    assert bad.status_code == 200  # she has it already: nothing to do


def test_a_bad_range_is_a_clear_400(app, demo, as_user):
    anna = as_user(ANNA)
    response = put(anna, b"x", sha(b"abc"), {"Content-Range": "bytes 5-1/10"})
    assert response.status_code == 400 and "Content-Range" in response.get_json()["error"]["fields"]


def test_uploads_need_a_session_and_the_csrf_token(app, demo, as_user):
    data = pdf()
    assert app.test_client().put(f"/api/files/{sha(data)}", data=data).status_code == 401
    anna = as_user(ANNA)
    assert anna.http.put(f"/api/files/{sha(data)}", data=data).status_code == 403
    assert app.test_client().head(f"/api/files/{sha(data)}").status_code == 401


def test_only_gifted_members_see_gifted_attachments(app, demo, as_user):
    ewa, anna = as_user("ewa.wisniewska@example.org"), as_user(ANNA)
    attachment_id, result = attach(ewa, pdf(), post_id=_own_post(ewa, GIFTED))
    assert result["status"] == "applied"
    assert anna.http.get(f"/api/attachments/{attachment_id}").status_code == 404


def test_files_never_attached_are_forgotten_after_a_week(app, demo, as_user):
    from server.files.models import StoredFile

    anna = as_user(ANNA)
    kept, dropped = pdf(), jpeg(60, 60)
    attach(anna, kept, post_id=_own_post(anna))
    put(anna, dropped)
    for row in db.session.scalars(select(StoredFile)):
        row.created_at = utcnow() - timedelta(days=8)
    db.session.commit()
    run = krag_cli(app, "files-cleanup")
    assert run.output.strip() == "Usunięte pliki: 1"
    assert [p.name for p in _stored_files(app)] == [sha(kept)]  # the photo and its thumbnail are gone
    assert anna.http.head(f"/api/files/{sha(dropped)}").status_code == 404
    assert put(anna, dropped).status_code == 201  # sent again, it is taken again


def test_deleting_a_post_takes_its_attachments_off_devices(app, demo, as_user):
    anna, jan = as_user(ANNA), as_user(JAN)
    photo = jpeg(640, 480)
    put(anna, photo)
    post_id = _own_post(anna)
    attachment_id, result = attach(anna, photo, "Plan.jpg", post_id=post_id)
    assert result["status"] == "applied"
    _, cursor = jan.pull_all()
    anna.push(("post.delete", {"id": post_id}))
    changes, _ = jan.pull_all(cursor)
    assert {"type": "attachment", "id": attachment_id, "op": "delete", "scope": f"network:{network_id(MATH)}"} in changes
    assert jan.http.get(f"/api/attachments/{attachment_id}").status_code == 404
