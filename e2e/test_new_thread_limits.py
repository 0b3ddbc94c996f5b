"""What a new user tripped over in "Nowy wątek" at 360 px: a pasted title longer
than the limit stays whole and the form says by how much (no silent cut), with a
counter; the "Kategoria" label beside a thread's category keeps its word whole."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.forum_steps import start_thread
from e2e.helpers import MATH, check_screen
from server.forum.schemas import TITLE

# A title as pasted from a school letter: 399 characters, twice the limit.
PASTED = ("Zaproszenie na konferencję metodyczną dla nauczycieli matematyki szkół podstawowych "
          "powiatu — tematy: ocenianie kształtujące, praca z uczniem zdolnym, zadania otwarte "
          "na egzaminie ósmoklasisty, gry dydaktyczne i pomoce z papieru, a także wymiana "
          "doświadczeń po pierwszym semestrze; prosimy o zgłoszenia do końca miesiąca, "
          "liczba miejsc ograniczona, szczegóły w załączniku do tego listu od dyrekcji poradni")[:399]
TITLE_MAX = TITLE.max  # the one rule, declared by the server's schema


def test_a_pasted_title_too_long_is_kept_and_counted(new_context, sign_in, shots):
    assert len(PASTED) == 399
    page = sign_in(new_context().new_page(), "anna.nowak@example.org")
    page.get_by_test_id("my-network").filter(has_text=MATH).click()
    page.get_by_test_id("new-thread-open").click()
    title = page.get_by_test_id("new-thread-title")
    title.fill(PASTED)
    expect(title).to_have_value(PASTED)  # nothing cut
    note = page.get_by_test_id("new-thread-title-length")
    expect(note).to_have_text(f"O {399 - TITLE_MAX} znaków za dużo — skróć do {TITLE_MAX}. Nic nie zostało ucięte.")
    page.get_by_test_id("new-thread-body").fill("Kto jedzie?")
    check_screen(page, shots, "new-thread-title-too-long")
    page.get_by_test_id("new-thread-submit").click()
    expect(page.get_by_test_id("new-thread-form")).to_be_visible()  # refused, still there to shorten

    title.fill(PASTED[:TITLE_MAX])
    expect(note).to_have_text(f"{TITLE_MAX} z {TITLE_MAX} znaków")
    expect(page.locator(".field-error")).to_have_count(0)  # fits now: the refusal is gone with the excess
    check_screen(page, shots, "new-thread-title-counter")
    page.get_by_test_id("new-thread-submit").click()
    expect(page.get_by_test_id("thread-heading")).to_have_text(PASTED[:TITLE_MAX].strip())


def test_the_category_label_keeps_its_word_whole(new_context, sign_in, shots):
    page = sign_in(new_context().new_page(), "koordynator@example.org")
    start_thread(page, "Plan zebrania w marcu", "Porządek obrad wkrótce.", MATH)
    label = page.get_by_test_id("thread-tools").locator(".move > span")
    expect(label).to_have_text("Kategoria")
    lines = label.evaluate("el => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)")
    assert lines < 1.5, f"'Kategoria' takes {lines:.1f} lines"
    check_screen(page, shots, "thread-tools-category")
