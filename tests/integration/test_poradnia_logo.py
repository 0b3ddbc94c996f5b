"""The Poradnia's logo: an image the admin uploads, shown to everyone (also before signing in)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from server.db import utcnow
from server.extensions import db
from server.files.models import StoredFile
from tests.apiclient import krag_cli
from tests.integration.files_helpers import jpeg, pdf, put, sha
from tests.integration.forum_helpers import first_outcome


def test_the_admin_sets_a_logo_everyone_sees(app, demo, as_user):
    admin, anna = as_user("koordynator@example.org"), as_user("anna.nowak@example.org")
    image, document = jpeg(900, 300), pdf()
    assert first_outcome(admin.push(("poradnia.update", {"logo_sha256": sha(image)}))) == "file_missing"
    put(admin, image), put(admin, document)
    assert first_outcome(admin.push(("poradnia.update", {"logo_sha256": sha(document)}))) == "invalid"
    put(anna, jpeg(100, 100, color=(1, 2, 3)))
    assert first_outcome(anna.push(("poradnia.update", {"logo_sha256": sha(image)}))) == "forbidden"
    assert first_outcome(admin.push(("poradnia.update", {"logo_sha256": sha(image)}))) == "applied"

    (poradnia,) = anna.rows("poradnia").values()
    assert poradnia["logo_url"] == f"/api/poradnia/logo?v={sha(image)[:12]}"
    logo = app.test_client().get(poradnia["logo_url"])  # signed out: the sign-in screen shows it
    assert logo.status_code == 200 and logo.headers["Content-Type"] == "image/jpeg"
    assert logo.headers["X-Content-Type-Options"] == "nosniff"
    assert logo.data[:2] == b"\xff\xd8" and len(logo.data) < len(image)  # the smaller thumbnail

    assert first_outcome(admin.push(("poradnia.update", {"logo_sha256": None}))) == "applied"
    assert app.test_client().get("/api/poradnia/logo").status_code == 404


def test_the_logo_is_not_forgotten_as_an_unattached_file(app, demo, as_user):
    admin = as_user("koordynator@example.org")
    image = jpeg(900, 300)
    put(admin, image)
    assert first_outcome(admin.push(("poradnia.update", {"logo_sha256": sha(image)}))) == "applied"
    row = db.session.scalars(select(StoredFile).where(StoredFile.sha256 == sha(image))).one()
    row.created_at = utcnow() - timedelta(days=8)
    db.session.commit()

    run = krag_cli(app, "files-cleanup")
    logo = app.test_client().get("/api/poradnia/logo")
    assert logo.status_code == 200 and logo.headers["Content-Type"] == "image/jpeg"
    assert run.output.strip() == "Usunięte pliki: 0"
