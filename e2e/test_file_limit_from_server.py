"""The file picker says and keeps the limit this Poradnia's server sets (KRAG_FILE_MAX_MB,
told in GET /api/me as limits.file_max_bytes), not one the app was built with: here 1 MB,
so a 2 MB file is refused before it costs any data."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.conftest import KragServer
from e2e.helpers import MATH


@pytest.fixture
def server(tmp_path, seeded):
    (tmp_path / "server").mkdir()
    srv = KragServer(tmp_path / "server", seeded=seeded)
    srv.env["KRAG_FILE_MAX_MB"] = "1"
    srv.start()
    yield srv
    srv.stop()


def test_the_picker_keeps_the_servers_limit(new_context, sign_in):
    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    jan.get_by_test_id("my-network").filter(has_text=MATH).click()
    jan.get_by_test_id("new-thread-open").click()
    expect(jan.locator(".picker .field-hint")).to_contain_text("do 1 MB")
    jan.get_by_test_id("file-input").set_input_files(
        files=[{"name": "skan.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024)}])
    expect(jan.get_by_test_id("file-error")).to_have_text("Plik „skan.pdf” jest za duży: można dodać najwyżej 1 MB.")
    expect(jan.get_by_test_id("picked-file")).to_have_count(0)
