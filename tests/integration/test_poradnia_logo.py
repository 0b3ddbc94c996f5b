"""The Poradnia's logo: an image the admin uploads, shown to everyone (also before signing in)."""
from __future__ import annotations

from tests.integration.files_helpers import jpeg, pdf, put, sha


def outcome(response) -> str:
    r = response.get_json()["results"][0]
    return r["status"] if r["status"] != "rejected" else r["error"]["code"]


def test_the_admin_sets_a_logo_everyone_sees(app, demo, as_user):
    admin, anna = as_user("koordynator@example.org"), as_user("anna.nowak@example.org")
    image, document = jpeg(900, 300), pdf()
    assert outcome(admin.push(("poradnia.update", {"logo_sha256": sha(image)}))) == "file_missing"
    put(admin, image), put(admin, document)
    assert outcome(admin.push(("poradnia.update", {"logo_sha256": sha(document)}))) == "invalid"
    put(anna, jpeg(100, 100, color=(1, 2, 3)))
    assert outcome(anna.push(("poradnia.update", {"logo_sha256": sha(image)}))) == "forbidden"
    assert outcome(admin.push(("poradnia.update", {"logo_sha256": sha(image)}))) == "applied"

    (poradnia,) = anna.rows("poradnia").values()
    assert poradnia["logo_url"] == f"/api/poradnia/logo?v={sha(image)[:12]}"
    logo = app.test_client().get(poradnia["logo_url"])  # signed out: the sign-in screen shows it
    assert logo.status_code == 200 and logo.headers["Content-Type"] == "image/jpeg"
    assert logo.headers["X-Content-Type-Options"] == "nosniff"
    assert logo.data[:2] == b"\xff\xd8" and len(logo.data) < len(image)  # the smaller thumbnail

    assert outcome(admin.push(("poradnia.update", {"logo_sha256": None}))) == "applied"
    assert app.test_client().get("/api/poradnia/logo").status_code == 404
