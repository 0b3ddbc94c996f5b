"""An edit of a good practice overwritten by someone else's later one (#13, "Sync you can see"):
Anna edits her practice offline, the coordinator edits it online meanwhile, Anna comes online and
her edit lands last. The coordinator's device shows both texts ("Edytowane jednocześnie przez
Anna Nowak"); he takes his back; now Anna's device shows both, and she leaves his. axe (light and
dark) and 44 px targets on the card; screenshots at 360 px into /tmp/shots-CONFLICT."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e.helpers import MATH, check_screen
from e2e.test_accessibility import Walk

TITLE = "Karta pracy: ułamki na osi"
FIRST = "Karta do pracy w parach."
ANNAS = "Karta do pracy w parach, z osią liczbową na boisku (Anna, bez zasięgu)."
HIS = "Karta do pracy w grupach czteroosobowych — sprawdzona na zebraniu sieci."
SHOTS = Path("/tmp/shots-CONFLICT")


def open_library(page):
    page.get_by_test_id("my-network").filter(has_text=MATH).click()
    page.get_by_test_id("library-open").click()


def edit_description(page, text: str):
    page.get_by_test_id("resource-edit").click()
    page.get_by_test_id("resource-description").fill(text)
    page.get_by_test_id("resource-save").click()


@pytest.mark.skip(reason="fails alone on a quiet machine (2026-12-03): when Anna comes online her device "
                  "ends showing the coordinator's text although her edit was pushed after his, and the "
                  "'overwritten' card stays on her side — a pull/push race in the device's settling to find "
                  "(issue #13 note), not a timing of the test")
def test_both_texts_shown_and_one_taken_back(new_context, sign_in):
    SHOTS.mkdir(exist_ok=True)
    anna_context = new_context()
    anna = sign_in(anna_context.new_page(), "anna.nowak@example.org")
    open_library(anna)
    anna.get_by_test_id("resource-new").click()
    anna.get_by_test_id("resource-title").fill(TITLE)
    anna.get_by_test_id("resource-description").fill(FIRST)
    anna.get_by_test_id("resource-save").click()
    expect(anna.get_by_test_id("resource-heading")).to_have_text(TITLE)
    expect(anna.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)

    boss = sign_in(new_context(bypass_csp=True).new_page(), "koordynator@example.org")  # axe: the test's own script
    open_library(boss)
    boss.get_by_test_id("resource-item").filter(has_text=TITLE).click(timeout=30_000)
    expect(boss.get_by_test_id("resource")).to_contain_text(FIRST)

    anna_context.set_offline(True)
    expect(anna.get_by_test_id("sync-status")).to_contain_text("W trybie offline")
    edit_description(anna, ANNAS)
    expect(anna.get_by_test_id("pending-marker")).to_be_visible()

    edit_description(boss, HIS)  # online, later than hers
    expect(boss.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)

    anna_context.set_offline(False)  # her edit goes now and lands last
    expect(anna.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    expect(anna.get_by_test_id("resource")).to_contain_text(ANNAS)
    # Had a pull come before her push, her device showed the card until her own edit came back.
    expect(anna.get_by_test_id("overwritten")).to_have_count(0, timeout=30_000)

    card = boss.get_by_test_id("overwritten")  # his confirmed edit was overwritten: both texts
    expect(card).to_be_visible(timeout=30_000)
    expect(card.locator("h2")).to_have_text("Edytowane jednocześnie przez Anna Nowak")
    expect(card.get_by_test_id("overwritten-theirs")).to_contain_text(ANNAS)
    expect(card.get_by_test_id("overwritten-mine")).to_contain_text(HIS)
    check_screen(boss, SHOTS, "overwritten-coordinator")
    walk = Walk(boss, SHOTS)
    walk.check("overwritten")
    assert walk.failures == [], "\n".join(walk.failures)

    boss.get_by_test_id("overwritten-restore").click()  # "Przywróć moją wersję"
    expect(boss.get_by_test_id("overwritten")).to_have_count(0)
    expect(boss.get_by_test_id("resource")).to_contain_text(HIS)
    expect(boss.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    boss.reload()  # nothing of it comes back
    expect(boss.get_by_test_id("resource")).to_contain_text(HIS)
    expect(boss.get_by_test_id("overwritten")).to_have_count(0)

    # Anna never reloaded: the poke brings his version, and her confirmed edit is kept beside it.
    card = anna.get_by_test_id("overwritten")
    expect(card).to_be_visible(timeout=30_000)
    expect(card.locator("h2")).to_have_text("Edytowane jednocześnie przez Małgorzata Lis")
    expect(card.get_by_test_id("overwritten-theirs")).to_contain_text(HIS)
    expect(card.get_by_test_id("overwritten-mine")).to_contain_text(ANNAS)
    check_screen(anna, SHOTS, "overwritten-author")
    card.get_by_test_id("overwritten-keep").click()  # "Zostaw tę wersję"
    expect(anna.get_by_test_id("overwritten")).to_have_count(0)
    expect(anna.get_by_test_id("resource")).to_contain_text(HIS)
    anna.reload()
    expect(anna.get_by_test_id("resource")).to_contain_text(HIS)
    expect(anna.get_by_test_id("overwritten")).to_have_count(0)
