"""The minutes written together during a meeting: the coordinator on the tablet in meeting mode
and Anna on her phone type into them at once and both end with the same text, every word once;
each sees the other in "who is here"; Anna goes offline, writes on, reloads the page with no
connection (what she wrote is still there, from the phone), comes back and it merges. An expert
reads them and cannot change them."""
from __future__ import annotations

import re
import sqlite3
import time
from datetime import datetime, timedelta, timezone

from playwright.sync_api import expect

from e2e.browser import PHONE
from e2e.helpers import MATH, check_screen
from e2e.meetings_steps import ANNA, COORDINATOR, open_meeting
from tests.integration.docs_node import NodeEditors

NEXT = "Egzamin ósmoklasisty: zadania otwarte"  # the demo's next meeting
EWA = "ewa.wisniewska@example.org"
TABLET = {"width": 1024, "height": 768}


# The text as written: the others' cursors (their names drawn in the text) left out.
TEXT_JS = """() => { const copy = document.querySelector('[data-testid=doc-text]').cloneNode(true);
  copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
  return [...copy.querySelectorAll('p, h2, h3')].map((block) => block.textContent).join('\\n'); }"""


def text_of(page) -> str:
    return page.evaluate(TEXT_JS)


def until(check, what, timeout: float = 20) -> None:
    """Until check() holds, looked at every 100 ms; fails after `timeout` seconds saying `what` (or what it returns)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out: {what() if callable(what) else what}"
        time.sleep(0.1)


def open_minutes_in_meeting_mode(page):
    open_meeting(page, NEXT)
    page.get_by_test_id("meeting-mode-open").click()
    expect(page.get_by_test_id("meeting-mode")).to_be_visible()
    expect(page.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.", timeout=15_000)


def open_minutes_in_meeting_view(page):
    open_meeting(page, NEXT)
    page.get_by_test_id("minutes-open").click()
    expect(page.get_by_test_id("doc-text")).to_be_visible()


# Resolves once every write y-indexeddb has started on the document's database is committed: a
# read-write transaction on its "updates" store starts only after the earlier ones end.
KEPT_JS = """(name) => new Promise((resolve, reject) => { const open = indexedDB.open(name);
  open.onerror = reject;
  open.onsuccess = () => { const db = open.result; const tx = db.transaction('updates', 'readwrite');
    tx.oncomplete = () => { db.close(); resolve(true); }; tx.onerror = reject; }; })"""


def kept_on_device(page, doc_id: str) -> None:
    """Until what she typed is in the phone's IndexedDB (a reload a millisecond after the last key
    would cut the write short, as closing the browser would)."""
    assert page.evaluate(KEPT_JS, f"krag-doc:{doc_id}")


def type_at_end(page, text: str) -> None:
    editor = page.get_by_test_id("doc-text")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def converge(a, b, *words: str) -> str:
    """Until both editors hold the same text; then every word is in it exactly once."""
    until(lambda: text_of(a) == text_of(b) and all(word in text_of(a) for word in words),
          lambda: f"the same text in both: {text_of(a)!r} / {text_of(b)!r}")
    text = text_of(a)
    for word in words:
        found = text.split().count(word) if " " not in word else text.count(word)
        assert found == 1, f"{word!r} is there {found} times in {text!r}"
    return text


def test_coordinator_and_member_write_the_minutes_together_online_and_offline(new_context, sign_in, shots):
    tablet = sign_in(new_context(viewport=TABLET).new_page(), COORDINATOR)
    open_minutes_in_meeting_mode(tablet)
    anna_context = new_context()
    anna = sign_in(anna_context.new_page(), ANNA)
    open_minutes_in_meeting_view(anna)
    expect(anna.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.")

    # Who is here: each sees the other by name.
    expect(tablet.get_by_test_id("doc-here-person")).to_contain_text("Anna Nowak")
    expect(anna.get_by_test_id("doc-here-person")).to_contain_text("Małgorzata Lis")
    expect(anna.get_by_test_id("doc-here-me")).to_contain_text("Anna Nowak (Ty)")

    # A heading and a list on the tablet, from the toolbar.
    tablet.get_by_test_id("doc-text").click()
    tablet.get_by_test_id("doc-heading").click()
    tablet.keyboard.type("Ustalenia")
    tablet.keyboard.press("Enter")
    tablet.get_by_test_id("doc-bulletList").click()
    tablet.keyboard.type("zadania otwarte w parach")
    expect(anna.get_by_test_id("doc-text").locator("h2")).to_have_text("Ustalenia")
    until(lambda: text_of(anna) == "Ustalenia\nzadania otwarte w parach", "the heading and the list on her phone")

    # Both type at once, in turns of a word, without waiting for each other: the tablet in the
    # first point, Anna in a second one she starts.
    type_at_end(anna, "")
    anna.keyboard.press("Enter")
    until(lambda: tablet.get_by_test_id("doc-text").locator("li").count() == 2,
          lambda: f"her new point on the tablet: {text_of(tablet)!r}, hers {text_of(anna)!r}")
    mine = [f" koordynatorka{i}" for i in range(12)]
    hers = [f"anna{i} " for i in range(12)]
    for m, h in zip(mine, hers):
        tablet.keyboard.type(m)
        anna.keyboard.type(h)
    converge(tablet, anna, *[w.strip() for w in mine + hers])
    expect(tablet.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.")
    check_screen(anna, shots, "minutes-phone")
    tablet.evaluate("window.scrollTo(0, 0)")
    tablet.screenshot(path=str(shots / "minutes-meeting-mode-tablet.png"), full_page=True)

    # Offline: she writes on, reloads with no connection, and it is still there.
    anna_context.set_offline(True)
    expect(anna.get_by_test_id("doc-status")).to_contain_text("Bez internetu")
    type_at_end(anna, " Z autobusu bez zasięgu.")
    kept_on_device(anna, f"minutes:{re.search(r'#/m/([0-9a-f-]+)', anna.url).group(1)}")
    anna.reload()
    open_minutes_in_meeting_view(anna)
    expect(anna.get_by_test_id("doc-text")).to_contain_text("Z autobusu bez zasięgu.")
    check_screen(anna, shots, "minutes-phone-offline")
    # Meanwhile in the room: the tablet writes on and has not got hers.
    type_at_end(tablet, " Następne spotkanie w marcu.")
    until(lambda: "Następne spotkanie" in text_of(tablet), "the tablet's sentence")
    assert "Z autobusu" not in text_of(tablet)

    anna_context.set_offline(False)  # no click: it merges by itself
    converge(tablet, anna, "Z autobusu bez zasięgu.", "Następne spotkanie w marcu.", "Ustalenia",
             *[w.strip() for w in mine + hers])
    expect(anna.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.")


def make_expert(server, email: str) -> None:
    """She becomes the mathematicians' guest expert (until next month), before she signs in."""
    until = (datetime.now(timezone.utc) + timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S.000000")
    with sqlite3.connect(server.database) as db:
        changed = db.execute(
            "UPDATE membership SET role = 'expert', expires_at = ? WHERE "
            "user_id = (SELECT id FROM user_account WHERE email = ?) AND network_id = (SELECT id FROM network WHERE name = ?)",
            (until, email, MATH)).rowcount
    assert changed == 1


def test_an_expert_reads_the_minutes_and_cannot_change_them(server, new_context, sign_in, shots):
    make_expert(server, EWA)
    anna = sign_in(new_context().new_page(), ANNA)
    open_minutes_in_meeting_view(anna)
    type_at_end(anna, "Wnioski z próbnego egzaminu.")
    expect(anna.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.")

    ewa = sign_in(new_context().new_page(), EWA)
    open_minutes_in_meeting_view(ewa)
    # (Her phone got her membership before the test made her an expert: the server's read_only says it.)
    expect(ewa.get_by_test_id("doc-read-only")).to_contain_text("czytać")
    until(lambda: text_of(ewa) == "Wnioski z próbnego egzaminu.", "Anna's words on Ewa's phone")
    expect(ewa.get_by_test_id("doc-text")).to_have_attribute("contenteditable", "false")
    expect(ewa.get_by_test_id("doc-toolbar")).to_have_count(0)
    ewa.get_by_test_id("doc-text").click()
    ewa.keyboard.type("Zmiana eksperta")
    assert text_of(ewa) == "Wnioski z próbnego egzaminu."
    check_screen(ewa, shots, "minutes-expert")
    # Nothing of hers reached the others, nor the server: Anna, opening again, has her text alone.
    expect(anna.get_by_test_id("doc-here-person")).to_contain_text("Ewa Wiśniewska")
    anna.reload()
    open_minutes_in_meeting_view(anna)
    expect(anna.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.", timeout=15_000)
    assert text_of(anna) == "Wnioski z próbnego egzaminu."


def test_fast_typing_costs_fewer_bytes_per_keystroke(new_context, sign_in):
    """Bytes her phone sends over the live channel per keystroke (updates, cursor moves, Socket.IO's
    framing): typing slowly, each keystroke goes alone — as every keystroke did before batching;
    typing fast, those within 60 ms go as one message."""
    anna = sign_in(new_context().new_page(), ANNA)
    sent: list[int] = []

    def watch(ws):
        ws.on("framesent", lambda payload: sent.append(len(payload.encode() if isinstance(payload, str) else payload)))

    anna.on("websocket", watch)
    anna.reload()  # the live channel opens again, now watched
    open_minutes_in_meeting_view(anna)
    expect(anna.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.", timeout=15_000)
    type_at_end(anna, "")

    def per_keystroke(text: str, delay: float) -> float:
        until(lambda: anna.get_by_test_id("doc-status").inner_text() == "Zapisane — widzą to wszyscy.", "saved")
        sent.clear()
        anna.keyboard.type(text, delay=delay)
        until(lambda: anna.get_by_test_id("doc-status").inner_text() == "Zapisane — widzą to wszyscy.", "saved")
        return sum(sent) / len(text)

    slow = per_keystroke("powoli i wyraźnie ", 150)
    fast = per_keystroke("szybko jak na lekcji", 15)
    print(f"bytes sent per keystroke: one at a time {slow:.0f} B, typing fast {fast:.0f} B")
    assert fast < slow * 0.6


def test_a_named_version_is_shown_and_restored_as_a_new_change(new_context, sign_in, shots):
    anna = sign_in(new_context().new_page(), ANNA)
    open_minutes_in_meeting_view(anna)
    expect(anna.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.", timeout=15_000)
    type_at_end(anna, "Ustalenia po spotkaniu.")
    expect(anna.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.", timeout=15_000)
    anna.get_by_test_id("doc-history").locator("summary").click()
    anna.get_by_test_id("doc-version-name").fill("po spotkaniu 12.03")
    anna.get_by_test_id("doc-version-save").click()
    expect(anna.get_by_test_id("doc-version")).to_contain_text("po spotkaniu 12.03")
    expect(anna.get_by_test_id("doc-version-show")).to_be_visible(timeout=30_000)  # once the server has it

    type_at_end(anna, " Dopisane później.")
    expect(anna.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.", timeout=15_000)
    anna.get_by_test_id("doc-version-show").click()
    expect(anna.get_by_test_id("doc-version-view")).to_contain_text("Ustalenia po spotkaniu.")
    expect(anna.get_by_test_id("doc-version-view")).not_to_contain_text("Dopisane później.")
    check_screen(anna, shots, "minutes-version")
    anna.get_by_test_id("doc-version-restore").click()
    until(lambda: text_of(anna) == "Ustalenia po spotkaniu.", lambda: f"the version back: {text_of(anna)!r}")
    expect(anna.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.", timeout=15_000)

    # The coordinator opening the minutes now finds the restored text: it went as an ordinary edit.
    tablet = sign_in(new_context(viewport=TABLET).new_page(), COORDINATOR)
    open_minutes_in_meeting_mode(tablet)
    until(lambda: text_of(tablet) == "Ustalenia po spotkaniu.", lambda: f"restored on the tablet: {text_of(tablet)!r}")
    tablet.set_viewport_size(PHONE)  # meeting mode on a phone: the minutes below the rest
    check_screen(tablet, shots, "minutes-meeting-mode-phone")


def test_chromium_and_a_node_yjs_client_write_one_set_of_minutes(server, new_context, sign_in):
    """A real Node.js Yjs client (yjs, y-protocols, socket.io-client: pwa/test/docs/editor.mjs) writes
    paragraphs into the fragment "content" as y-prosemirror does, while Anna types in Chromium; both
    end with the same paragraphs, each once."""
    context = new_context()
    anna = sign_in(context.new_page(), ANNA)
    open_minutes_in_meeting_view(anna)
    expect(anna.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.", timeout=15_000)
    meeting_id = re.search(r"#/m/([0-9a-f-]+)", anna.url).group(1)
    type_at_end(anna, "Z przeglądarki")

    node = NodeEditors()
    try:
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
        assert node("open", name="node", url=server.url, cookie=cookie, doc=f"minutes:{meeting_id}", user="Anna (Node)")["ok"]
        node("wait", names=["node"])
        for i in range(5):  # at once: Node adds a paragraph, Chromium types on in hers
            node("paragraph", name="node", text=f"z Node {i}")
            anna.keyboard.type(f" słowo{i}")
        expected = ["Z przeglądarki" + "".join(f" słowo{i}" for i in range(5))] + [f"z Node {i}" for i in range(5)]

        def paragraphs_in_node():
            return re.findall(r"<paragraph>(.*?)</paragraph>", node("state", name="node")["content"])

        until(lambda: sorted(text_of(anna).split("\n")) == sorted(expected) and sorted(paragraphs_in_node()) == sorted(expected),
              lambda: f"both the same: {text_of(anna)!r} / {paragraphs_in_node()!r}")
        assert text_of(anna).split("\n") == paragraphs_in_node()  # in the same order too
        expect(anna.get_by_test_id("doc-here-person")).to_contain_text("Anna (Node)")
    finally:
        node.close()
