"""The network's year on paper, on a phone: the coordinator downloads the annual report (PDF,
Word) from the network's page; a member taps "Moje zaświadczenie", which issues hers through
the outbox and downloads its PDF; a member with no attendance gets the server's reason."""
from __future__ import annotations

import io

from playwright.sync_api import expect
from pypdf import PdfReader

from e2e.helpers import check_screen
from e2e.meetings_steps import ANNA, COORDINATOR
from e2e.networks import wait_synced

MATH = "Sieć matematyków"
EWA = "ewa.wisniewska@example.org"  # in the demo she missed the one meeting held


def open_network(page, name: str = MATH) -> None:
    page.get_by_test_id("nav-networks").click()
    page.get_by_test_id("my-network").filter(has_text=name).click()
    expect(page.get_by_test_id("network-name")).to_have_text(name)


def pdf_text(path: str) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_the_coordinator_downloads_the_report(new_context, sign_in, shots):
    page = sign_in(new_context(accept_downloads=True).new_page(), COORDINATOR)
    open_network(page)
    expect(page.get_by_test_id("year-papers")).to_contain_text("Dokumenty za rok szkolny")
    expect(page.get_by_test_id("certificate-mine")).to_have_count(0)  # a coordinator holds no certificate
    check_screen(page, shots, "y2-network-papers-coordinator")
    with page.expect_download() as got:
        page.get_by_test_id("report-pdf").click()
    text = pdf_text(got.value.path())
    assert "Sprawozdanie z pracy sieci „Sieć matematyków”" in text and "Anna Nowak" in text
    with page.expect_download() as got:
        page.get_by_test_id("report-docx").click()
    assert got.value.suggested_filename.endswith(".docx")


def test_a_member_gets_her_certificate_and_one_who_attended_nothing_is_told_why(new_context, sign_in, shots, server):
    page = sign_in(new_context(accept_downloads=True).new_page(), ANNA)
    open_network(page)
    expect(page.get_by_test_id("report-pdf")).to_have_count(0)
    with page.expect_download() as got:
        page.get_by_test_id("certificate-mine").click()
    assert got.value.suggested_filename.startswith("zaswiadczenie-")
    text = pdf_text(got.value.path())
    assert "ZAŚWIADCZENIE" in text and "Anna Nowak" in text and "Ułamki bez lęku" in text
    assert f"{server.url}/v/" in text
    expect(page.get_by_test_id("papers-status")).to_contain_text("zapisane")
    wait_synced(page)
    check_screen(page, shots, "y2-network-papers-member")

    ewa = sign_in(new_context().new_page(), EWA)
    open_network(ewa)
    ewa.get_by_test_id("certificate-mine").click()
    expect(ewa.get_by_test_id("papers-status")).to_contain_text("nie ma czego poświadczyć")
    check_screen(ewa, shots, "y2-network-papers-nothing")
