"""RODO from her profile (issue 11): "Pobierz moje dane" downloads a zip of everything Krąg holds
about her; "Usuń konto" asks first, says what goes and what stays, and then deletes her account:
this phone is signed out and cleared, a colleague's phone shows her posts as "Konto usunięte".
The only administrator is refused with a clear message. The admin's audit log lists what happened."""
from __future__ import annotations

import json
import zipfile

from playwright.sync_api import expect

from e2e.helpers import check_screen, open_thread

ANNA, JAN, BOSS = "anna.nowak@example.org", "jan.kowalski@example.org", "koordynator@example.org"
THREAD = "Jak uczyć ułamków w klasie 4?"  # Anna's thread in the demo


def _my_data(page):
    page.goto("/#/profile")
    section = page.get_by_test_id("my-data")
    section.scroll_into_view_if_needed()
    expect(section).to_be_visible()
    return section


def test_she_downloads_her_data_and_deletes_her_account(new_context, sign_in, shots, tmp_path):
    anna = sign_in(new_context().new_page(), ANNA)
    section = _my_data(anna)
    with anna.expect_download() as got:
        section.get_by_test_id("my-data-download").click()
    saved = tmp_path / got.value.suggested_filename
    got.value.save_as(saved)
    assert saved.name.startswith("krag-dane-") and saved.suffix == ".zip"
    data = json.loads(zipfile.ZipFile(saved).read("dane.json"))
    assert data["profile"]["email"] == ANNA and any(p["body"] for p in data["posts"])
    expect(section.get_by_test_id("my-data-note")).to_have_text("Plik z danymi jest pobrany.")

    section.get_by_test_id("account-delete").click()
    confirm = anna.get_by_test_id("account-delete-confirm")
    expect(confirm).to_contain_text("Usunąć konto na zawsze?")
    expect(confirm).to_contain_text("podpisane „Konto usunięte”")
    expect(confirm).to_contain_text("Tego nie da się cofnąć")
    confirm.scroll_into_view_if_needed()
    check_screen(anna, shots, "rodo-profile-delete-confirm")
    anna.get_by_test_id("account-delete-yes").click()
    expect(anna.get_by_test_id("signin")).to_be_visible()  # signed out, the device cleared
    assert anna.evaluate("indexedDB.databases().then(l => l.map(d => d.name))") in ([], ["krag"])
    anna.goto("/")
    expect(anna.get_by_test_id("signin")).to_be_visible()

    jan = sign_in(new_context().new_page(), JAN)
    open_thread(jan, THREAD)
    expect(jan.get_by_test_id("post-author").first).to_have_text("Konto usunięte")
    check_screen(jan, shots, "rodo-forum-deleted-author")


def test_the_only_admin_is_told_to_hand_over_first(new_context, sign_in, shots):
    boss = sign_in(new_context().new_page(), BOSS)
    section = _my_data(boss)
    section.get_by_test_id("account-delete").click()
    boss.get_by_test_id("account-delete-yes").click()
    expect(section.get_by_test_id("my-data-error")).to_contain_text("jedynym kontem administratora")
    check_screen(boss, shots, "rodo-profile-refused")
    expect(boss.get_by_test_id("profile")).to_be_visible()  # still signed in, nothing lost

    boss.goto("/#/staff")
    boss.get_by_test_id("staff-audit").click()
    log = boss.get_by_test_id("audit-log")
    expect(log.get_by_test_id("audit-event").first).to_be_visible()
    expect(log).to_contain_text("Logowanie linkiem z e-maila")
    boss.get_by_test_id("audit-kind").select_option("signin.email_link")
    expect(log.get_by_test_id("audit-event").first).to_have_attribute("data-kind", "signin.email_link")
    check_screen(boss, shots, "rodo-audit-log")

    boss.get_by_test_id("lang-toggle").click()  # English is complete on both screens
    expect(boss.locator("html")).to_have_attribute("lang", "en")
    expect(log.get_by_role("heading", level=1)).to_have_text("Audit log")
    expect(log.get_by_test_id("audit-event").first).to_contain_text("Sign-in with an e-mailed link")
    check_screen(boss, shots, "rodo-audit-log-en")
    section = _my_data(boss)
    expect(section).to_contain_text("Download my data")
    section.get_by_test_id("account-delete").click()
    expect(boss.get_by_test_id("account-delete-confirm")).to_contain_text("signed “Deleted account”")
    check_screen(boss, shots, "rodo-profile-delete-confirm-en")
