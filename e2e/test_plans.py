"""The annual work plan on phones: the coordinator writes it offline and it syncs, she sends it;
a Poradnia administrator returns it with a comment; she amends it as a new version and sends it
again; the administrator approves it; a member sees the approved plan, opens the returned version
read-only and ticks her own task done; at the year's end the coordinator writes its conclusions
in the approved plan, offline, with no new approval."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.browser import wait_until_controlled
from e2e.helpers import MATH, check_screen
from e2e.meetings_steps import ANNA, COORDINATOR
from e2e.networks import wait_synced

APPROVER = "dyrektorka@poradnia.example"  # an administrator who coordinates no network


def open_plan(page, network: str = MATH) -> None:
    """Sieci → the network → Plan pracy."""
    page.get_by_test_id("nav-networks").click()
    page.get_by_test_id("my-network").filter(has_text=network).click()
    page.get_by_test_id("plan-open").click()
    expect(page.get_by_test_id("plan")).to_be_visible()


def sign_in_staff(page, server, email: str):
    """A sign-in link for someone in no network: she lands on the home screen with no networks."""
    page.goto(server.login_link(email))
    page.get_by_test_id("signin-link-go").click()
    expect(page.get_by_test_id("nav")).to_be_visible()
    wait_until_controlled(page)
    expect(page.get_by_test_id("sync-last")).to_contain_text("Ostatnia synchronizacja")
    return page


def open_waiting(page):
    page.get_by_test_id("nav-staff").click()
    page.get_by_test_id("staff-plans").click()
    expect(page.get_by_test_id("plans-waiting")).to_be_visible()


def test_a_plan_written_offline_returned_amended_and_approved(server, new_context, sign_in, shots):
    server.cli("user", "add", APPROVER, "--name", "Barbara Żurawska", "--admin")
    boss_context = new_context()
    boss = sign_in(boss_context.new_page(), COORDINATOR)
    # The needs survey the plan will cite, from its template.
    boss.get_by_test_id("nav-networks").click()
    boss.get_by_test_id("my-network").filter(has_text=MATH).click()
    boss.get_by_test_id("surveys-open").click()
    boss.get_by_test_id("survey-new").click()
    boss.get_by_test_id("survey-start-needs").click()
    boss.get_by_test_id("survey-save").click()
    expect(boss.get_by_test_id("survey-title")).to_have_text("Diagnoza potrzeb uczestników sieci")
    open_plan(boss)
    expect(boss.get_by_test_id("plan-none")).to_contain_text("nie ma jeszcze planu pracy")
    check_screen(boss, shots, "plan-none")

    # Written with no connection: every write waits in the outbox.
    boss_context.set_offline(True)
    boss.get_by_test_id("plan-create").click()
    expect(boss.get_by_test_id("plan-status")).to_have_text("Szkic")
    boss.get_by_test_id("plan-input-goals").fill("Doskonalenie oceniania kształtującego na lekcjach matematyki.")
    boss.get_by_test_id("plan-save-goals").click()
    boss.get_by_test_id("plan-topic-title").fill("Informacja zwrotna dla ucznia")
    boss.get_by_test_id("plan-topic-description").fill("Jak pisać komentarze, które uczeń czyta.")
    boss.get_by_test_id("plan-topic-survey").select_option(label="Diagnoza potrzeb uczestników sieci")
    boss.get_by_test_id("plan-topic-question").select_option(index=1)  # its first question: the topics wanted
    boss.get_by_test_id("plan-topic-add").click()
    expect(boss.get_by_test_id("plan-topic")).to_have_count(1)
    expect(boss.get_by_test_id("plan-topic-cite")).to_contain_text("Na podstawie: Diagnoza potrzeb uczestników sieci — „Jakimi tematami")
    boss.get_by_test_id("plan-task-title").fill("Lekcja otwarta z ocenianiem kształtującym")
    boss.get_by_test_id("plan-task-owner").select_option(label="Anna Nowak")
    boss.get_by_test_id("plan-task-due").fill("2027-03-12")
    boss.get_by_test_id("plan-task-add").click()
    task = boss.get_by_test_id("plan-task")
    expect(task).to_contain_text("Anna Nowak")
    expect(task.get_by_test_id("pending-marker")).to_be_visible()
    check_screen(boss, shots, "plan-draft-offline")
    boss_context.set_offline(False)
    wait_synced(boss)
    expect(task.get_by_test_id("pending-marker")).to_have_count(0)
    boss.get_by_test_id("plan-submit").click()
    boss.get_by_test_id("plan-submit-yes").click()
    expect(boss.get_by_test_id("plan-status")).to_have_text("Czeka na zatwierdzenie")
    expect(boss.get_by_test_id("plan-input-goals")).to_have_count(0)  # no longer editable
    wait_synced(boss)
    check_screen(boss, shots, "plan-submitted")

    # The administrator finds it among the plans waiting and returns it with a comment.
    approver = sign_in_staff(new_context().new_page(), server, APPROVER)
    open_waiting(approver)
    item = approver.get_by_test_id("plans-waiting-item").filter(has_text=MATH)
    expect(item).to_contain_text("wersja 1")
    check_screen(approver, shots, "plans-waiting")
    item.click()
    expect(approver.get_by_test_id("plan-decision")).to_be_visible()
    approver.get_by_test_id("plan-return").click()  # no comment: refused on its field
    expect(approver.get_by_test_id("plan-decision").locator(".field-error").first).to_be_visible()
    approver.get_by_test_id("plan-comment").fill("Dopiszcie, jak sprawdzicie efekty — np. ankietą ewaluacyjną.")
    check_screen(approver, shots, "plan-decision")
    approver.get_by_test_id("plan-return").click()
    expect(approver.get_by_test_id("plan-status")).to_have_text("Zwrócony do poprawy")
    wait_synced(approver)

    # She sees why, amends it as version 2 and sends it again.
    expect(boss.get_by_test_id("plan-status")).to_have_text("Zwrócony do poprawy", timeout=30_000)
    expect(boss.get_by_test_id("plan-decision-comment")).to_contain_text("ankietą ewaluacyjną")
    check_screen(boss, shots, "plan-returned")
    boss.get_by_test_id("plan-amend").click()
    expect(boss.get_by_test_id("plan")).to_have_attribute("data-version", "2")
    expect(boss.get_by_test_id("plan-status")).to_have_text("Szkic")
    expect(boss.get_by_test_id("plan-task")).to_contain_text("Lekcja otwarta")  # copied into the new version
    boss.get_by_test_id("plan-input-evaluation").fill("Ankieta ewaluacyjna w czerwcu; obserwacje lekcji otwartych.")
    boss.get_by_test_id("plan-save-evaluation").click()
    wait_synced(boss)
    check_screen(boss, shots, "plan-amended")
    boss.get_by_test_id("plan-submit").click()
    boss.get_by_test_id("plan-submit-yes").click()
    expect(boss.get_by_test_id("plan-status")).to_have_text("Czeka na zatwierdzenie")
    wait_synced(boss)

    approver.get_by_test_id("nav-staff").click()
    expect(approver.get_by_test_id("staff-plans-count")).to_have_text("1")
    check_screen(approver, shots, "staff-home-plans")
    approver.get_by_test_id("staff-people").click()
    expect(approver.get_by_test_id("staff-approver").first).to_contain_text("Zatwierdza plany pracy")
    check_screen(approver, shots, "staff-people-approvers")
    open_waiting(approver)
    approver.get_by_test_id("plans-waiting-item").filter(has_text="wersja 2").click()
    approver.get_by_test_id("plan-approve").click()
    expect(approver.get_by_test_id("plan-status")).to_have_text("Zatwierdzony")
    wait_synced(approver)

    # A member sees the approved plan, every version, and ticks her own task done.
    anna_context = new_context()
    anna = sign_in(anna_context.new_page(), ANNA)
    open_plan(anna)
    expect(anna.get_by_test_id("plan-status")).to_have_text("Zatwierdzony")
    expect(anna.get_by_test_id("plan-text-evaluation")).to_contain_text("Ankieta ewaluacyjna w czerwcu")
    expect(anna.get_by_test_id("plan-submit")).to_have_count(0)
    expect(anna.get_by_test_id("plan-version")).to_have_count(2)
    anna.get_by_test_id("plan-task-done").click()
    expect(anna.get_by_test_id("plan-task")).to_have_attribute("data-status", "done")
    expect(anna.get_by_test_id("plan-tasks-done")).to_have_text("Zrobione: 1 z 1")
    wait_synced(anna)
    check_screen(anna, shots, "plan-approved-member")
    anna.get_by_test_id("plan-version").filter(has_text="Wersja 1").click()
    expect(anna.get_by_test_id("plan-readonly")).to_contain_text("tylko do odczytu")
    expect(anna.get_by_test_id("plan-status")).to_have_text("Zwrócony do poprawy")
    expect(anna.get_by_test_id("plan-task-done")).to_have_count(0)  # an old version is not ticked
    check_screen(anna, shots, "plan-version-returned")
    anna.get_by_test_id("lang-toggle").click()  # English, complete on the plan's screen too
    expect(anna.locator("main h1")).to_have_text("Annual work plan")
    expect(anna.get_by_test_id("plan-status")).to_have_text("Returned for changes")
    expect(anna.get_by_test_id("plan-readonly")).to_contain_text("read only")
    check_screen(anna, shots, "plan-version-returned-en")
    anna.get_by_test_id("lang-toggle").click()
    expect(boss.get_by_test_id("plan-tasks-done")).to_have_text("Zrobione: 1 z 1", timeout=30_000)

    # The year's end: she writes its conclusions offline in the approved plan; no new approval.
    boss_context.set_offline(True)
    conclusions = boss.get_by_test_id("plan-input-conclusions")
    conclusions.fill("Ocenianie kształtujące weszło do wszystkich szkół sieci.\n\nRekomendacja: więcej lekcji otwartych.")
    boss.get_by_test_id("plan-save-conclusions").click()
    expect(boss.get_by_test_id("plan-section-conclusions").get_by_role("status")).to_have_text("Zapisano.")
    check_screen(boss, shots, "plan-conclusions-offline")
    boss_context.set_offline(False)
    wait_synced(boss)
    expect(boss.get_by_test_id("plan-status")).to_have_text("Zatwierdzony")
    open_plan(anna)
    expect(anna.get_by_test_id("plan-text-conclusions")).to_contain_text("weszło do wszystkich szkół", timeout=30_000)
    expect(anna.get_by_test_id("plan-input-conclusions")).to_have_count(0)  # the coordinator's to write
