"""She tells her profile how Polish should speak of her: the functions follow at once
("nauczycielka"), and her colleagues' notifications say what she did in the past tense
("Anna Nowak założyła nowy wątek"); until she says, they speak neutrally."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.forum_steps import start_thread
from e2e.helpers import check_screen as check
from e2e.networks import wait_synced


def test_her_form_of_address_shapes_the_words(new_context, sign_in, shots):
    anna = sign_in(new_context().new_page(), "anna.nowak@example.org")
    anna.get_by_test_id("nav-profile").click()
    expect(anna.get_by_test_id("profile-form-none")).to_be_checked()
    expect(anna.get_by_test_id("profile-function").locator("option:checked")).to_have_text("nauczyciel / nauczycielka")
    anna.get_by_test_id("profile-form-pan").check()
    expect(anna.get_by_test_id("profile-function").locator("option:checked")).to_have_text("nauczyciel")
    anna.get_by_test_id("profile-form-pani").check()
    expect(anna.get_by_test_id("profile-function").locator("option:checked")).to_have_text("nauczycielka")
    anna.get_by_test_id("profile-save").click()
    expect(anna.get_by_test_id("profile-saved")).to_be_visible()
    wait_synced(anna)
    check(anna, shots, "39-profile-form-of-address")

    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    start_thread(anna, "Kartkówki z ułamków", "Macie sprawdzone zadania na 15 minut?")
    wait_synced(anna)
    expect(jan.get_by_test_id("notes-unread")).to_be_visible(timeout=30_000)
    jan.get_by_test_id("notes-bell").click()
    note = jan.locator("[data-testid=note-item][data-kind=thread]").filter(has_text="Kartkówki z ułamków")
    expect(note).to_contain_text("Anna Nowak założyła nowy wątek", timeout=30_000)
    check(jan, shots, "40-notifications-past-tense")
