"""Her signed-in devices (issue 11): from her computer she signs out her phone; the phone is
back on the sign-in screen, and what it wrote offline is still on it and sent once she signs in
again. "Wyloguj wszystkie inne" reaches a phone that is open and online through its live
channel, with no tap on it."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.helpers import check_screen, open_thread

ANNA = "anna.nowak@example.org"
THREAD = "Jak uczyć ułamków w klasie 4?"
ANDROID = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/131.0.0.0 Mobile Safari/537.36")
WINDOWS = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/131.0.0.0 Safari/537.36")

# What waits in the device's outbox (IndexedDB 'krag', store 'outbox').
OUTBOX_JS = """
async () => {
  const db = await new Promise((ok, fail) => {
    const req = indexedDB.open('krag');
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  const entries = await new Promise((ok, fail) => {
    const req = db.transaction('outbox').objectStore('outbox').getAll();
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  db.close();
  return entries.map(e => e.name);
}
"""


def her_devices(page):
    page.goto("/#/profile")
    expect(page.get_by_test_id("sessions")).to_be_visible()
    return page.get_by_test_id("session-row")


def test_signing_out_her_phone_from_her_computer_keeps_what_it_wrote(new_context, sign_in, shots, server):
    phone_context = new_context(user_agent=ANDROID)
    phone = sign_in(phone_context.new_page(), ANNA)
    computer = sign_in(new_context(user_agent=WINDOWS).new_page(), ANNA)

    open_thread(phone, THREAD)  # on the bus, no signal: a reply waits in the outbox
    phone_context.set_offline(True)
    expect(phone.get_by_test_id("sync-status")).to_contain_text("W trybie offline")
    phone.get_by_test_id("reply-input").fill("Napisane w autobusie, bez zasięgu.")
    phone.get_by_test_id("reply-send").click()
    expect(phone.get_by_test_id("sync-pending-count")).to_have_text("Czeka na wysłanie: 1")

    rows = her_devices(computer)
    expect(rows).to_have_count(2)
    here = rows.filter(has=computer.get_by_test_id("session-this"))
    expect(here).to_contain_text("Chrome, Windows")
    expect(here).to_contain_text("Ostatnio używane: w ciągu ostatniej godziny")
    expect(here.get_by_test_id("session-revoke")).to_have_count(0)  # this one: "Wyloguj" in the header
    check_screen(computer, shots, "profile-sessions")
    rows.filter(has_text="Chrome, Android").get_by_test_id("session-revoke").click()
    expect(rows).to_have_count(1)

    phone_context.set_offline(False)  # back online: the server no longer knows this phone
    expect(phone.get_by_test_id("signin")).to_be_visible(timeout=30_000)
    expect(phone.get_by_test_id("session-expired")).to_be_visible()
    assert "post.create" in phone.evaluate(OUTBOX_JS)  # her reply is kept for after she signs in again

    computer.reload()  # and the server agrees: one device left
    expect(her_devices(computer)).to_have_count(1)

    # Signed in again by the e-mailed link (a page of its own): she is back on the thread she was
    # reading, and the phone sends what it kept.
    phone.goto(server.login_link(ANNA))
    phone.get_by_test_id("signin-link-go").click()
    expect(phone.get_by_test_id("thread-heading")).to_have_text(THREAD)
    sent = phone.get_by_test_id("post-item").filter(has_text="Napisane w autobusie")
    expect(sent).to_be_visible()
    expect(sent.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    assert "post.create" not in phone.evaluate(OUTBOX_JS)


def test_signing_out_all_others_reaches_an_open_phone_at_once(new_context, sign_in):
    phone = sign_in(new_context(user_agent=ANDROID).new_page(), ANNA)
    computer = sign_in(new_context(user_agent=WINDOWS).new_page(), ANNA)
    expect(phone.get_by_test_id("sync-status")).to_have_attribute("data-online", "true")

    rows = her_devices(computer)
    expect(rows).to_have_count(2)
    computer.get_by_test_id("sessions-revoke-others").click()
    computer.get_by_test_id("sessions-revoke-others-yes").click()
    expect(rows).to_have_count(1)
    expect(phone.get_by_test_id("signin")).to_be_visible(timeout=30_000)  # its live channel was closed
    expect(computer.get_by_test_id("sessions")).to_be_visible()
    expect(computer.get_by_test_id("session-this")).to_be_visible()  # this one stays signed in
