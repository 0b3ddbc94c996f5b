"""A reply written offline: shown at once as pending, kept across a reload,
sent by itself when the connection returns, and seen live by another member."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.helpers import open_thread

THREAD = "Jak uczyć ułamków w klasie 4?"
REPLY = "Spróbuję osi liczbowej na boisku.\nDzięki, Janie!\n— Anna (napisane bez zasięgu)"


def test_offline_reply_syncs_and_appears_live_for_another_member(new_context, sign_in):
    jan_context = new_context()
    jan = sign_in(jan_context.new_page(), "jan.kowalski@example.org")
    open_thread(jan, THREAD)
    expect(jan.get_by_test_id("post-item")).to_have_count(3)

    anna_context = new_context()
    anna = sign_in(anna_context.new_page(), "anna.nowak@example.org")
    open_thread(anna, THREAD)

    anna_context.set_offline(True)
    expect(anna.get_by_test_id("sync-status")).to_contain_text("W trybie offline")
    expect(anna.get_by_test_id("offline-hint")).to_be_visible()
    anna.get_by_test_id("reply-input").fill(REPLY)
    anna.get_by_test_id("reply-send").click()

    mine = anna.get_by_test_id("post-item").filter(has_text="Dzięki, Janie!")
    expect(mine).to_be_visible()
    expect(mine.get_by_test_id("pending-marker")).to_have_text("czeka na synchronizację")
    expect(mine.get_by_test_id("post-body")).to_have_text(REPLY)  # line breaks kept
    expect(anna.get_by_test_id("sync-pending-count")).to_have_text("Czeka na wysłanie: 1")
    expect(anna.get_by_test_id("reply-input")).to_have_value("")

    anna.reload()  # still offline: the outbox and the row come back from IndexedDB
    mine = anna.get_by_test_id("post-item").filter(has_text="Dzięki, Janie!")
    expect(mine.get_by_test_id("pending-marker")).to_be_visible()
    expect(anna.get_by_test_id("sync-pending-count")).to_have_text("Czeka na wysłanie: 1")

    anna_context.set_offline(False)  # no click, no reload: it goes by itself
    expect(mine.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    expect(anna.get_by_test_id("sync-pending-count")).to_have_count(0)
    expect(anna.get_by_test_id("sync-status")).to_have_attribute("data-online", "true")

    # Jan never reloaded: the poke brought the reply to his open thread.
    from_anna = jan.get_by_test_id("post-item").filter(has_text="Dzięki, Janie!")
    expect(from_anna).to_be_visible(timeout=30_000)
    expect(from_anna.get_by_test_id("post-author")).to_have_text("Anna Nowak")
    expect(from_anna.get_by_test_id("post-body")).to_have_text(REPLY)
    expect(jan.get_by_test_id("post-item")).to_have_count(4)
