"""After one online visit, the app shell and the user's data open with no connection."""
from __future__ import annotations

from playwright.sync_api import expect


def test_shell_and_data_open_offline_after_reload(new_context, sign_in):
    context = new_context()
    page = sign_in(context.new_page(), "anna.nowak@example.org")

    context.set_offline(True)
    page.reload()

    expect(page.get_by_test_id("sync-status")).to_contain_text("W trybie offline")
    network = page.get_by_test_id("my-network").filter(has_text="Sieć matematyków")
    expect(network).to_be_visible()
    network.click()
    threads = page.get_by_test_id("thread-item")
    expect(threads.filter(has_text="Jak uczyć ułamków w klasie 4?")).to_be_visible()
    expect(threads).to_have_count(3)

    # A deep link opened offline is answered by the cached shell too.
    page.goto("/some/path/never/visited")
    expect(page.get_by_test_id("home")).to_be_visible()
    expect(page.get_by_test_id("my-network").filter(has_text="Sieć matematyków")).to_be_visible()
