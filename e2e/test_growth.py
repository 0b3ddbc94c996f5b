"""Growth: a phone keeps the last 90 days of others' posts. A thread with older
posts says so and fetches them on demand ("Wcześniejsze wpisy"); they stay."""
from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timedelta, timezone

from playwright.sync_api import expect

from e2e.forum_steps import open_own_thread, start_thread
from e2e.helpers import post, reply

THREAD = "Archiwum pomysłów na koła matematyczne"


def age_posts(server, post_ids: list[str], days: int) -> None:
    """As if these posts had been written `days` ago (their row and their change-log stamp)."""
    when = datetime.now(timezone.utc) - timedelta(days=days)
    with sqlite3.connect(server.instance.parent / "krag.db") as db:
        sample = db.execute("SELECT created_at FROM post WHERE id = ?", (post_ids[0],)).fetchone()[0]
        stored = when.strftime("%Y-%m-%d %H:%M:%S.%f") + ("+00:00" if str(sample).endswith("+00:00") else "")
        marks = ",".join("?" * len(post_ids))
        db.execute(f"UPDATE post SET created_at = ? WHERE id IN ({marks})", (stored, *post_ids))
        db.execute(f"UPDATE sync_row SET stamp = ? WHERE type = 'post' AND row_id IN ({marks})",
                   (int(time.time()) - days * 86400, *post_ids))


def test_older_posts_on_demand(new_context, sign_in, server):
    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    start_thread(jan, THREAD, "Zagadki logiczne z zeszłego roku.")
    reply(jan, "Kwadraty magiczne — karta pracy.")
    reply(jan, "Turniej tangramów w czerwcu.")
    reply(jan, "W tym roku: łamigłówki z zapałkami.")
    expect(jan.get_by_test_id("sync-pending-count")).to_have_count(0, timeout=30_000)
    age_posts(server, [post(jan, "Zagadki logiczne").get_attribute("data-post-id")], days=201)
    age_posts(server, [post(jan, "Kwadraty magiczne").get_attribute("data-post-id")], days=200)

    anna = sign_in(new_context().new_page(), "anna.nowak@example.org")  # a new phone: pulls the last 90 days
    open_own_thread(anna, THREAD)
    expect(anna.get_by_test_id("post-item")).to_have_count(2)
    older = anna.get_by_test_id("older-posts")
    expect(older).to_contain_text("Na telefonie nie ma 2 starszych wpisów")
    older.get_by_test_id("older-fetch").click()
    expect(anna.get_by_test_id("post-item")).to_have_count(4)
    expect(anna.get_by_test_id("post-item").first).to_contain_text("Zagadki logiczne")
    expect(older).to_have_count(0)

    anna.reload()  # fetched posts stay on the phone
    expect(anna.get_by_test_id("post-item")).to_have_count(4)
