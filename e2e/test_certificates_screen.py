"""Every participant's certificate, on the coordinator's phone (360 px): from the network's page to
"Zaświadczenia", the participants with their meetings and hours; "Wystaw wszystkim uprawnionym"
while offline waits in the outbox and issues each once the phone is online; each PDF and all of
them in one ZIP download; "Unieważnij" asks for a reason, and the certificate's public page then
says it is revoked."""
from __future__ import annotations

import io
import re
import zipfile

from playwright.sync_api import expect
from pypdf import PdfReader

from e2e.helpers import check_screen
from e2e.meetings_steps import COORDINATOR
from e2e.networks import wait_synced
from e2e.test_year_papers import open_network, pdf_text


def holder(page, name: str):
    return page.get_by_test_id("cert-holder").filter(has_text=name)


def test_the_coordinator_issues_all_downloads_and_revokes_one(new_context, sign_in, shots, server):
    context = new_context(accept_downloads=True)
    page = sign_in(context.new_page(), COORDINATOR)
    open_network(page)
    page.get_by_test_id("certificates-all").click()
    expect(page.get_by_test_id("certificates")).to_be_visible()
    expect(page.get_by_test_id("cert-holder")).to_have_count(3)  # Anna, Ewa, Jan: the members, by name
    expect(page.get_by_test_id("cert-name")).to_have_text(["Anna Nowak", "Ewa Wiśniewska", "Jan Kowalski"])
    expect(holder(page, "Anna Nowak").get_by_test_id("cert-attended")).to_have_text(re.compile(r"^1 spotkanie · [\d,]+ godz\.$"))
    expect(holder(page, "Ewa Wiśniewska").get_by_test_id("cert-attended")).to_contain_text("Brak obecności")
    expect(holder(page, "Ewa Wiśniewska").get_by_test_id("cert-issue")).to_have_count(0)
    expect(page.get_by_test_id("cert-state").first).to_have_text("Niewystawione")
    expect(page.get_by_test_id("certs-issue-all")).to_have_text("Wystaw wszystkim uprawnionym (2 osoby)")
    expect(page.get_by_test_id("certs-zip")).to_have_count(0)
    check_screen(page, shots, "certs-before")

    context.set_offline(True)  # in a school with no signal: the two wait in the outbox
    page.get_by_test_id("certs-issue-all").click()
    expect(page.get_by_test_id("certs-offline")).to_be_visible()
    expect(holder(page, "Anna Nowak").get_by_test_id("pending-marker")).to_be_visible()
    expect(holder(page, "Jan Kowalski").get_by_test_id("pending-marker")).to_be_visible()
    expect(page.get_by_test_id("certs-none-to-issue")).to_contain_text("czekają na wysłanie")
    check_screen(page, shots, "certs-offline-waiting")
    context.set_offline(False)
    wait_synced(page)
    expect(holder(page, "Anna Nowak").get_by_test_id("cert-state")).to_have_text(re.compile(r"^Wystawione, nr \d+/\d{4}/\d{4}$"))
    expect(holder(page, "Jan Kowalski").get_by_test_id("cert-state")).to_contain_text("Wystawione, nr")
    expect(page.get_by_test_id("certs-summary")).to_have_text("3 osoby · 2 zaświadczenia wystawione")
    expect(page.get_by_test_id("certs-none-to-issue")).to_have_text("Każdy uprawniony ma już zaświadczenie.")
    check_screen(page, shots, "certs-issued")

    with page.expect_download() as got:
        page.get_by_test_id("certs-zip").click()
    assert got.value.suggested_filename.endswith(".zip")
    with zipfile.ZipFile(got.value.path()) as zf:
        texts = [" ".join(PdfReader(io.BytesIO(zf.read(n))).pages[0].extract_text().split()) for n in zf.namelist()]
    assert len(texts) == 2 and any("Anna Nowak" in x for x in texts) and any("Jan Kowalski" in x for x in texts)

    with page.expect_download() as got:
        holder(page, "Jan Kowalski").get_by_test_id("cert-pdf").click()
    text = pdf_text(got.value.path())
    assert "ZAŚWIADCZENIE" in text and "Jan Kowalski" in text
    verify = re.search(rf"{re.escape(server.url)}/v/\S+", text).group(0)

    jan = holder(page, "Jan Kowalski")
    jan.get_by_test_id("cert-revoke").click()
    expect(jan.get_by_test_id("cert-revoke-confirm")).to_contain_text("Unieważnić zaświadczenie nr")
    expect(jan.get_by_test_id("cert-revoke-yes")).to_be_disabled()  # not without a reason
    jan.get_by_test_id("cert-revoke-reason").fill("Błędna nazwa szkoły")
    check_screen(page, shots, "certs-revoke-confirm")
    jan.get_by_test_id("cert-revoke-yes").click()
    wait_synced(page)
    expect(jan.get_by_test_id("cert-state")).to_contain_text("Unieważnione (nr")
    expect(jan).to_contain_text("Powód: Błędna nazwa szkoły")
    expect(jan.get_by_test_id("cert-pdf")).to_have_count(0)
    expect(jan.get_by_test_id("cert-issue")).to_have_text("Wystaw nowe")
    expect(page.get_by_test_id("certs-zip")).to_have_text("Pobierz zaświadczenie (ZIP)")
    check_screen(page, shots, "certs-revoked")

    page.get_by_role("button", name="English").click()  # English comes after the screen's chunk: its words too
    expect(page.locator("main h1")).to_have_text("Certificates")
    expect(jan.get_by_test_id("cert-state")).to_contain_text("Revoked (no.")
    expect(page.get_by_test_id("certs-summary")).to_have_text("3 people · 1 certificate issued")
    check_screen(page, shots, "certs-english")

    public = new_context().new_page()  # a school director scanning the QR code, signed in nowhere
    public.goto(verify)
    expect(public.locator("h1")).to_have_text("Zaświadczenie unieważnione")
    expect(public.locator("main")).to_contain_text("Powód: Błędna nazwa szkoły")
    public.screenshot(path=str(shots / "certs-verify-revoked.png"), full_page=True)


def test_a_member_is_not_shown_everyones(new_context, sign_in):
    page = sign_in(new_context().new_page(), "anna.nowak@example.org")
    open_network(page)
    expect(page.get_by_test_id("certificates-all")).to_have_count(0)
    page.evaluate("location.hash += '/certificates'")  # typed in by hand: the screen says whose it is
    expect(page.locator("main")).to_contain_text("widzą tylko koordynator sieci i pracownicy poradni")
