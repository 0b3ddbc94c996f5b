"""The profile and the Poradnia's own screens at 360 px: a teacher's nav has
no Poradnia tab; staff keep schools, staff and the Poradnia's details, and the
dashboard, which needs a connection, says so kindly when there is none, and
gives the Poradnia's summary of a school year to download."""
from __future__ import annotations

from playwright.sync_api import expect
from pypdf import PdfReader

from e2e.helpers import check_screen as check
from e2e.networks import wait_synced


def test_profile_with_school_and_subjects(new_context, sign_in, shots):
    page = sign_in(new_context().new_page(), "piotr.zielinski@example.org")
    expect(page.get_by_test_id("nav-staff")).to_have_count(0)
    page.get_by_test_id("nav-profile").click()
    expect(page.get_by_test_id("school-picked")).to_contain_text("Jasienicy Rosielnej")
    expect(page.get_by_test_id("profile-function")).to_have_value("director")
    page.get_by_test_id("school-change").click()
    page.get_by_test_id("school-search").fill("stara wies")  # no Polish letters needed
    expect(page.get_by_test_id("school-option")).to_have_count(1)
    check(page, shots, "43-profile-school-search")
    page.get_by_test_id("school-option").click()
    page.get_by_test_id("subject-input").fill("przyroda")
    page.get_by_test_id("subject-add").click()
    expect(page.get_by_test_id("subject-chip")).to_have_count(2)
    page.get_by_test_id("profile-name").fill("Piotr Zieliński-Nowak")
    page.get_by_test_id("profile-save").click()
    expect(page.get_by_test_id("profile-saved")).to_be_visible()
    wait_synced(page)
    check(page, shots, "44-profile-saved")
    page.reload()
    expect(page.get_by_test_id("school-picked")).to_contain_text("Starej Wsi")
    expect(page.get_by_test_id("profile-name")).to_have_value("Piotr Zieliński-Nowak")


def test_staff_screens(new_context, sign_in, shots):
    context = new_context()
    page = sign_in(context.new_page(), "koordynator@example.org")
    page.get_by_test_id("nav-staff").click()
    expect(page.get_by_test_id("staff-home")).to_be_visible()
    check(page, shots, "45-staff-home")

    page.get_by_test_id("staff-dashboard").click()
    expect(page.get_by_test_id("dashboard-network").filter(has_text="Sieć matematyków")).to_be_visible()
    check(page, shots, "46-staff-dashboard")
    summary = page.get_by_test_id("dashboard-summary")  # the Poradnia's year, for its files
    expect(summary).to_contain_text("Podsumowanie roku szkolnego")
    with page.expect_download() as got:
        summary.get_by_test_id("summary-pdf").click()
    assert got.value.suggested_filename.endswith(".pdf")
    assert "Sieć matematyków" in " ".join(PdfReader(got.value.path()).pages[0].extract_text().split())
    with page.expect_download() as got:
        summary.get_by_test_id("summary-csv").click()
    assert got.value.suggested_filename.endswith(".csv")
    context.set_offline(True)
    expect(page.get_by_test_id("dashboard-offline")).to_be_visible()
    check(page, shots, "47-staff-dashboard-offline")
    context.set_offline(False)
    expect(page.get_by_test_id("dashboard-requests")).to_be_visible()

    page.get_by_test_id("back-link").click()
    page.get_by_test_id("staff-schools").click()
    page.get_by_test_id("school-add").click()
    page.get_by_test_id("school-save").click()
    expect(page.get_by_test_id("school-form").locator(".field .field-error")).to_have_count(2)
    page.get_by_test_id("school-name").fill("Szkoła Podstawowa w Grabownicy Starzeńskiej")
    page.get_by_test_id("school-town").fill("Grabownica Starzeńska")
    page.get_by_test_id("school-rspo").fill("12ab")
    page.get_by_test_id("school-save").click()
    expect(page.get_by_test_id("school-form")).to_contain_text("same cyfry")
    check(page, shots, "48-staff-school-form")
    page.get_by_test_id("school-rspo").fill("123456")
    page.get_by_test_id("school-save").click()
    added = page.get_by_test_id("school-item").filter(has_text="Grabownicy Starzeńskiej")
    expect(added).to_contain_text("RSPO 123456")
    wait_synced(page)
    expect(added.get_by_test_id("pending-marker")).to_have_count(0)
    check(page, shots, "49-staff-schools")

    page.get_by_test_id("back-link").click()
    page.get_by_test_id("staff-people").click()
    expect(page.get_by_test_id("staff-person").filter(has_text="Małgorzata Lis")).to_contain_text("administrator")
    check(page, shots, "50-staff-people")
    page.get_by_test_id("back-link").click()
    page.get_by_test_id("staff-poradnia").click()
    expect(page.get_by_test_id("poradnia").locator("#pp-name")).to_have_value(
        "Poradnia Psychologiczno-Pedagogiczna w Brzozowie")
    check(page, shots, "51-staff-poradnia")
