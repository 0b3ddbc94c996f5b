"""Surveys on phones: the coordinator builds the needs survey from its template, a member
answers it offline and reconnects, and the coordinator sees the results (counts, bars, CSV)."""
from __future__ import annotations

from datetime import datetime

from playwright.sync_api import expect

from e2e.helpers import MATH, check_screen
from e2e.meetings_steps import ANNA, COORDINATOR, WARSAW
from e2e.networks import wait_synced


def open_surveys(page, network: str = MATH) -> None:
    """Sieci → the network → Ankiety."""
    page.get_by_test_id("nav-networks").click()
    page.get_by_test_id("my-network").filter(has_text=network).click()
    page.get_by_test_id("surveys-open").click()
    expect(page.get_by_test_id("surveys")).to_be_visible()


def test_a_needs_survey_built_from_the_template_answered_offline(new_context, sign_in, shots):
    coordinator = sign_in(new_context().new_page(), COORDINATOR)
    open_surveys(coordinator)
    check_screen(coordinator, shots, "surveys-empty")
    coordinator.get_by_test_id("survey-new").click()
    check_screen(coordinator, shots, "survey-start")
    coordinator.get_by_test_id("survey-start-needs").click()
    expect(coordinator.get_by_test_id("survey-title-input")).to_have_value("Diagnoza potrzeb uczestników sieci")
    expect(coordinator.get_by_test_id("survey-question")).to_have_count(6)
    today = datetime.now(WARSAW).date().isoformat()
    coordinator.get_by_test_id("survey-opens-date").fill(today)
    coordinator.get_by_test_id("survey-opens-time").fill("00:00")
    closes = coordinator.get_by_test_id("survey-closes-date").input_value()
    coordinator.get_by_test_id("survey-closes-date").fill("2020-01-01")  # before it opens: refused on its field
    coordinator.get_by_test_id("survey-save").click()
    expect(coordinator.get_by_test_id("survey-closes-error")).to_have_text("Ankieta musi się zamykać po otwarciu.")
    coordinator.get_by_test_id("survey-closes-date").fill(closes)
    expect(coordinator.get_by_test_id("survey-closes-error")).to_have_count(0)
    check_screen(coordinator, shots, "survey-builder")
    coordinator.get_by_test_id("survey-save").click()
    expect(coordinator.get_by_test_id("survey-title")).to_have_text("Diagnoza potrzeb uczestników sieci")
    wait_synced(coordinator)
    check_screen(coordinator, shots, "survey-coordinator")

    anna_context = new_context()
    anna = sign_in(anna_context.new_page(), ANNA)
    anna.get_by_test_id("nav-networks").click()
    anna.get_by_test_id("my-network").filter(has_text=MATH).click()
    waiting = anna.get_by_test_id("survey-waiting").filter(has_text="Diagnoza potrzeb")  # on the network's page
    expect(waiting).to_be_visible()
    check_screen(anna, shots, "network-survey-waiting")
    waiting.click()
    expect(anna.get_by_test_id("survey-answer")).to_be_visible()
    anna_context.set_offline(True)
    # A required question left out is refused on its own card, in Polish.
    anna.get_by_test_id("survey-send").click()
    expect(anna.get_by_test_id("survey-answer-error").first).to_have_text("To pytanie jest obowiązkowe.")
    questions = anna.get_by_test_id("survey-question-answer")
    questions.nth(0).get_by_text("Ocenianie kształtujące").click()
    questions.nth(0).get_by_text("Motywowanie uczniów").click()
    questions.nth(1).get_by_text("Online", exact=True).click()
    questions.nth(3).get_by_test_id("survey-scale").nth(3).click()
    questions.nth(5).get_by_test_id("survey-text").fill("Chciałabym omówić pracę z klasą łączoną.")
    anna.get_by_test_id("survey-send").click()
    expect(anna.get_by_test_id("survey-sent")).to_contain_text("wyślą się same")
    check_screen(anna, shots, "survey-answer-offline")
    anna_context.set_offline(False)
    wait_synced(anna)
    open_surveys(anna)
    expect(anna.get_by_test_id("survey-answered")).to_be_visible()  # her own marker, now from the server
    check_screen(anna, shots, "surveys-list")

    # The coordinator's device learns that Anna answered (the marker), then the results.
    expect(coordinator.get_by_test_id("survey-answered-count")).to_contain_text("1", timeout=30_000)
    coordinator.get_by_test_id("survey-results-open").click()
    expect(coordinator.get_by_test_id("results-respondents")).to_have_text("1 odpowiedź")
    first = coordinator.get_by_test_id("result-question").first
    expect(first.get_by_test_id("result-bar").first).to_contain_text("1 (100%)")
    expect(coordinator.get_by_test_id("result-texts")).to_contain_text("klasą łączoną")
    expect(coordinator.get_by_test_id("results-csv")).to_have_attribute("href", "/api/surveys/" + coordinator.url.split("/s/")[1].split("/")[0] + "/results?format=csv")
    check_screen(coordinator, shots, "survey-results")


def test_an_anonymous_evaluation_keeps_her_answers_on_her_phone(new_context, sign_in, shots):
    coordinator = sign_in(new_context().new_page(), COORDINATOR)
    open_surveys(coordinator)
    coordinator.get_by_test_id("survey-new").click()
    coordinator.get_by_test_id("survey-start-evaluation").click()
    expect(coordinator.get_by_test_id("survey-anonymous")).to_be_checked()  # the template is anonymous
    coordinator.get_by_test_id("survey-opens-date").fill(datetime.now(WARSAW).date().isoformat())
    coordinator.get_by_test_id("survey-opens-time").fill("00:00")
    coordinator.get_by_test_id("survey-save").click()
    expect(coordinator.get_by_test_id("survey-title")).to_have_text("Ewaluacja pracy sieci")
    wait_synced(coordinator)

    anna = sign_in(new_context().new_page(), ANNA)
    open_surveys(anna)
    anna.get_by_test_id("survey-item").filter(has_text="Ewaluacja").click()
    expect(anna.get_by_test_id("survey-answer")).to_contain_text("nikt, także koordynator")
    questions = anna.get_by_test_id("survey-question-answer")
    questions.nth(0).get_by_test_id("survey-scale").nth(4).click()
    questions.nth(1).get_by_test_id("survey-scale").nth(3).click()
    questions.nth(4).get_by_text("Raczej tak", exact=True).click()
    anna.get_by_test_id("survey-send").click()
    expect(anna.get_by_test_id("survey-sent")).to_be_visible()
    wait_synced(anna)
    # Her answers come back from her phone, not from the server (which cannot tell which are hers).
    anna.reload()
    expect(anna.get_by_test_id("survey-scale").nth(4)).to_have_attribute("aria-checked", "true")
    expect(anna.get_by_test_id("survey-send")).to_have_text("Zapisz zmienione odpowiedzi")
    check_screen(anna, shots, "survey-anonymous-answered")

    expect(coordinator.get_by_test_id("survey-answered-count")).to_contain_text("1", timeout=30_000)
    coordinator.get_by_test_id("survey-results-open").click()
    expect(coordinator.get_by_test_id("results-withheld")).to_contain_text("co najmniej 3 osoby")
    check_screen(coordinator, shots, "survey-results-withheld")
