"""The outbox's promises: a pending edit is not hidden by an older server copy,
and a change the server refuses keeps every word the user wrote."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from e2e.helpers import check_screen, open_thread, post, reply

THREAD = "Próbny egzamin ósmoklasisty — wnioski"


def test_pending_edit_survives_pulls_until_it_is_pushed(new_context, sign_in):
    anna_context = new_context()
    anna = sign_in(anna_context.new_page(), "anna.nowak@example.org")
    open_thread(anna, THREAD)
    reply(anna, "Pierwsza wersja mojej odpowiedzi.")
    expect(post(anna, "Pierwsza wersja").get_by_test_id("pending-marker")).to_have_count(0)

    # Pushes fail (as on a flaky link) while pulls still come through.
    anna.route("**/api/sync/push", lambda route: route.abort("internetdisconnected"))
    mine = post(anna, "Pierwsza wersja")
    mine.get_by_test_id("post-edit").click()
    anna.get_by_test_id("edit-input").fill("Poprawiona wersja: stacje w grupach po 4 osoby.")
    anna.get_by_test_id("edit-save").click()
    edited = post(anna, "Poprawiona wersja")
    expect(edited.get_by_test_id("pending-marker")).to_be_visible()

    # Jan replies: Anna is poked and pulls rows of this thread, the old copy of her post among them.
    jan_context = new_context()
    jan = sign_in(jan_context.new_page(), "jan.kowalski@example.org")
    open_thread(jan, THREAD)
    reply(jan, "Dobry pomysł, też spróbuję.")
    expect(post(anna, "Dobry pomysł, też spróbuję.")).to_be_visible(timeout=30_000)
    expect(post(anna, "Poprawiona wersja").get_by_test_id("pending-marker")).to_be_visible()
    expect(post(anna, "Pierwsza wersja")).to_have_count(0)

    anna.unroute("**/api/sync/push")
    anna.evaluate("window.dispatchEvent(new Event('focus'))")  # she comes back to the app
    expect(post(anna, "Poprawiona wersja").get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    expect(post(jan, "Poprawiona wersja")).to_be_visible(timeout=30_000)


def test_rejected_change_keeps_the_text_to_copy(new_context, sign_in, shots):
    # Anna on her phone (offline) and on the school computer (online).
    phone_context = new_context()
    phone = sign_in(phone_context.new_page(), "anna.nowak@example.org")
    open_thread(phone, THREAD)
    reply(phone, "Wpis do poprawienia później.")
    expect(post(phone, "Wpis do poprawienia").get_by_test_id("pending-marker")).to_have_count(0)

    phone_context.set_offline(True)
    edit_text = "Długa poprawka pisana w autobusie:\nstacje, grupy po 4 osoby, karty pracy."
    post(phone, "Wpis do poprawienia").get_by_test_id("post-edit").click()
    phone.get_by_test_id("edit-input").fill(edit_text)
    phone.get_by_test_id("edit-save").click()
    expect(post(phone, "Długa poprawka").get_by_test_id("pending-marker")).to_be_visible()

    desk_context = new_context()
    desk = sign_in(desk_context.new_page(), "anna.nowak@example.org")
    open_thread(desk, THREAD)
    post(desk, "Wpis do poprawienia").get_by_test_id("post-delete").click()
    with desk.expect_response("**/api/sync/push", timeout=30_000) as pushed:  # the server has the delete
        desk.get_by_test_id("delete-yes").click()
    assert pushed.value.json()["results"][0]["status"] == "applied"
    expect(post(desk, "Wpis do poprawienia")).to_have_count(0)

    phone_context.set_offline(False)
    banner = phone.get_by_test_id("rejected-banner")
    expect(banner).to_have_text(re.compile("1 zmiana nie została przyjęta"), timeout=30_000)
    expect(post(phone, "Długa poprawka")).to_have_count(0)  # the post is gone for good
    banner.click()
    item = phone.get_by_test_id("rejected-item")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("Poprawka wpisu")
    expect(item.get_by_test_id("rejected-text")).to_have_text(edit_text)
    check_screen(phone, shots, "15-rejected-panel")

    phone_context.grant_permissions(["clipboard-read", "clipboard-write"])
    item.get_by_test_id("rejected-copy").click()
    expect(item.get_by_test_id("rejected-copy")).to_have_text("Skopiowano")
    assert phone.evaluate("navigator.clipboard.readText()") == edit_text

    item.get_by_test_id("rejected-dismiss").click()
    expect(phone.get_by_test_id("rejected-item")).to_have_count(0)
    expect(phone.get_by_test_id("rejected-banner")).to_have_count(0)


# Every record the device keeps, store by store; 0 when the database is gone.
KEPT_RECORDS_JS = """
async () => {
  const names = (await indexedDB.databases()).map(d => d.name);
  if (!names.includes('krag')) return 0;
  const db = await new Promise((ok, fail) => {
    const req = indexedDB.open('krag');
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  let total = 0;
  for (const name of db.objectStoreNames) {
    total += await new Promise((ok, fail) => {
      const req = db.transaction(name).objectStore(name).count();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
  }
  db.close();
  return total;
}
"""


def test_sign_out_clears_the_device_and_the_shell_still_loads(new_context, sign_in):
    context = new_context()
    page = sign_in(context.new_page(), "jan.kowalski@example.org")
    expect(page.get_by_test_id("my-network").first).to_be_visible()
    assert page.evaluate(KEPT_RECORDS_JS) > 0  # her networks, posts, her own row
    page.get_by_test_id("signout").click()
    page.get_by_test_id("signout-yes").click()
    expect(page.get_by_test_id("signin")).to_be_visible()
    # Signing out deletes the database before the sign-in screen shows. That
    # screen may open an empty one again (it looks for the Poradnia's name);
    # what matters is that nothing of hers is kept.
    assert page.evaluate(KEPT_RECORDS_JS) == 0

    context.set_offline(True)
    page.reload()
    expect(page.get_by_test_id("signin")).to_be_visible()
    expect(page.get_by_test_id("my-network")).to_have_count(0)


IDB_META = """([key, value]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('krag');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
        const tx = open.result.transaction('meta', 'readwrite');
        const store = tx.objectStore('meta');
        const req = value === null ? store.get(key) : store.put(value, key);
        req.onsuccess = () => resolve(req.result);
        tx.oncomplete = () => open.result.close();
    };
})"""


def test_mutation_gap_starts_over_with_a_new_client_id(new_context, sign_in):
    context = new_context()
    page = sign_in(context.new_page(), "anna.nowak@example.org")
    open_thread(page, THREAD)
    reply(page, "Przed luką w numeracji.")
    expect(post(page, "Przed luką").get_by_test_id("pending-marker")).to_have_count(0)
    first_client = page.evaluate(IDB_META, ["client_id", None])

    # As if the device had lost part of its outbox: the next id leaves a gap.
    page.evaluate(IDB_META, ["next_mutation_id", 40])
    reply(page, "Po luce w numeracji — i tak dochodzi.")
    expect(post(page, "Po luce").get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    expect(page.get_by_test_id("sync-pending-count")).to_have_count(0)
    assert page.evaluate(IDB_META, ["client_id", None]) != first_client
    assert page.evaluate(IDB_META, ["next_mutation_id", None]) == 2


def test_refusal_whose_answer_was_lost_still_keeps_the_text(new_context, sign_in):
    phone_context = new_context()
    phone = sign_in(phone_context.new_page(), "anna.nowak@example.org")
    open_thread(phone, THREAD)
    reply(phone, "Wpis, który zaraz zniknie.")
    expect(post(phone, "Wpis, który zaraz").get_by_test_id("pending-marker")).to_have_count(0)

    phone_context.set_offline(True)
    edit_text = "Poprawka wysłana przez słaby zasięg."
    post(phone, "Wpis, który zaraz").get_by_test_id("post-edit").click()
    phone.get_by_test_id("edit-input").fill(edit_text)
    phone.get_by_test_id("edit-save").click()
    expect(post(phone, edit_text).get_by_test_id("pending-marker")).to_be_visible()

    desk_context = new_context()
    desk = sign_in(desk_context.new_page(), "anna.nowak@example.org")
    open_thread(desk, THREAD)
    post(desk, "Wpis, który zaraz").get_by_test_id("post-delete").click()
    with desk.expect_response("**/api/sync/push", timeout=30_000) as pushed:  # the server has the delete
        desk.get_by_test_id("delete-yes").click()
    assert pushed.value.json()["results"][0]["status"] == "applied"
    expect(post(desk, "Wpis, który zaraz")).to_have_count(0)

    # The push reaches the server (which refuses the edit: the post is gone),
    # but its answer is lost on the way back. The next push learns how it ended.
    lost = []

    def lose_first_answer(route):
        if lost:
            route.continue_()
            return
        route.fetch()
        lost.append(True)
        route.abort("connectionreset")

    phone.route("**/api/sync/push", lose_first_answer)
    phone_context.set_offline(False)
    banner = phone.get_by_test_id("rejected-banner")
    expect(banner).to_be_visible(timeout=30_000)
    assert lost, "the first answer was not lost: the test did not test that"
    banner.click()
    item = phone.get_by_test_id("rejected-item")
    expect(item.get_by_test_id("rejected-reason")).to_contain_text("usunięty")  # the exact refusal, not a guess
    expect(item.get_by_test_id("rejected-text")).to_have_text(edit_text)
    expect(phone.get_by_test_id("sync-pending-count")).to_have_count(0)
