"""An outbox never sticks: when the server keeps failing (5xx) on one mutation
while it otherwise answers, that one is set aside in the rejected list with
her words and a way to send it again, and what she wrote after it is sent.
A server that is down sets nothing aside.

The fault is injected at the network: pushes whose batch holds the marker
are answered 500 by the browser's route, everything else reaches the real
server (its own 5xx on bad input is mended on the server's side)."""
from __future__ import annotations

import json

from playwright.sync_api import expect

from e2e.forum_steps import open_own_thread, start_thread
from e2e.helpers import check_screen, post

THREAD = "Wyjście do muzeum techniki"
MARKER = "USTERKA-7"
BAD = f"Lista rzeczy do zabrania ({MARKER}):\nbilety, drugie śniadanie, zeszyt."
BEFORE = "Zbiórka o 8:00 przy szkole."
AFTER = "Wracamy około 14:30."
FAULT = {"status": 500, "content_type": "application/json",
         "body": json.dumps({"error": {"code": "internal", "message": "Internal Server Error"}})}


def test_mutation_the_server_keeps_failing_on_is_set_aside_and_the_rest_syncs(new_context, sign_in, shots):
    context = new_context()
    anna = sign_in(context.new_page(), "anna.nowak@example.org")
    start_thread(anna, THREAD, "Ustalenia przed wyjściem.")

    failed: list[int] = []  # sizes of the batches answered 500

    def fail_on_marker(route):
        body = route.request.post_data or ""
        if MARKER in body:
            failed.append(len(json.loads(body)["mutations"]))
            route.fulfill(**FAULT)
        else:
            route.continue_()

    anna.route("**/api/sync/push", fail_on_marker)
    context.set_offline(True)  # three replies wait in one batch: a good one, the bad one, a good one
    for text in (BEFORE, BAD, AFTER):
        anna.get_by_test_id("reply-input").fill(text)
        anna.get_by_test_id("reply-send").click()
        expect(post(anna, text.splitlines()[0])).to_be_visible()
    expect(anna.get_by_test_id("sync-pending-count")).to_have_text("Czeka na wysłanie: 3")
    context.set_offline(False)

    banner = anna.get_by_test_id("rejected-banner")
    expect(banner).to_be_visible(timeout=60_000)
    # The good ones reached the server (pull brought them back: no longer pending).
    for text in (BEFORE, AFTER):
        expect(post(anna, text).get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    expect(post(anna, MARKER)).to_have_count(0)  # set aside: off the thread, into the list
    expect(anna.get_by_test_id("sync-pending-count")).to_have_count(0)
    assert failed[0] == 3 and failed[-1] == 1, failed  # the batch, then the bad one alone
    assert failed.count(1) == 3, failed  # three tries alone before it was set aside

    banner.click()
    item = anna.get_by_test_id("rejected-item")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("Odpowiedź w wątku")
    expect(item.get_by_test_id("rejected-text")).to_have_text(BAD)
    expect(item.get_by_test_id("rejected-reason")).to_contain_text("z powodu własnego błędu")
    expect(item).to_contain_text("Odłożono")
    check_screen(anna, shots, "outbox-set-aside")
    anna.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    anna.screenshot(path=str(shots / "outbox-set-aside-retry.png"))  # the button above the bottom bar

    # The fault is mended: sending it again works.
    anna.unroute("**/api/sync/push")
    with anna.expect_response("**/api/sync/push", timeout=30_000) as pushed:
        item.get_by_test_id("rejected-retry").click()
    assert [r["status"] for r in pushed.value.json()["results"]] == ["applied"]
    expect(anna.get_by_test_id("rejected-item")).to_have_count(0)
    open_own_thread(anna, THREAD)
    expect(post(anna, MARKER).get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    expect(post(anna, MARKER).get_by_test_id("post-body")).to_have_text(BAD)

    # Jan's device has all three, the mended one too.
    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    open_own_thread(jan, THREAD)
    for text in (BEFORE, MARKER, AFTER):
        expect(post(jan, text)).to_be_visible()


def test_a_server_that_is_down_sets_nothing_aside(new_context, sign_in):
    context = new_context()
    anna = sign_in(context.new_page(), "anna.nowak@example.org")
    start_thread(anna, "Awaria serwera w piątek", "Czy u was też nie działa?")

    answered: list[str] = []  # every push and pull answered 500

    def down(route):
        answered.append("push" if route.request.url.endswith("/push") else "pull")
        route.fulfill(**FAULT)

    anna.route("**/api/sync/**", down)
    for text in ("Pierwsza odpowiedź w czasie awarii.", "Druga odpowiedź w czasie awarii."):
        anna.get_by_test_id("reply-input").fill(text)
        anna.get_by_test_id("reply-send").click()
        expect(post(anna, text)).to_be_visible()

    # More failed pushes than it takes to set a mutation aside while the server answers
    # (2 for the batch, 3 alone); she coming back to the app skips the waits.
    while answered.count("push") < 8:
        with anna.expect_request("**/api/sync/push", timeout=60_000):
            anna.evaluate("window.dispatchEvent(new Event('focus'))")
    assert answered.count("pull") >= 2, answered  # it did ask whether the server answers

    expect(anna.get_by_test_id("rejected-banner")).to_have_count(0)
    expect(anna.get_by_test_id("sync-pending-count")).to_have_text("Czeka na wysłanie: 2")

    anna.unroute("**/api/sync/**")  # the server is back: both go, in order
    anna.evaluate("window.dispatchEvent(new Event('focus'))")
    expect(anna.get_by_test_id("sync-pending-count")).to_have_count(0, timeout=30_000)
    expect(anna.get_by_test_id("pending-marker")).to_have_count(0, timeout=30_000)
    expect(anna.get_by_test_id("rejected-banner")).to_have_count(0)
