"""Steps the network tests share: asking for a network, deciding in the staff
queue, waiting for sync, reading what the server mailed."""
from __future__ import annotations

import email
import re
import time
from email import policy
from pathlib import Path

from playwright.sync_api import expect

JUSTIFICATION = (
    "W powiecie brakuje miejsca, w którym poloniści mogą wymieniać się scenariuszami lekcji "
    "i przygotowywać uczniów do egzaminu ósmoklasisty."
)


def wait_synced(page) -> None:
    """Until the outbox is empty: every write reached the server."""
    expect(page.get_by_test_id("sync-pending-count")).to_have_count(0, timeout=30_000)


def ask_for_network(page, name: str, *, kind: str = "subject", topic: str = "język polski",
                    recruitment: str = "open", expected: str = "12"):
    """As a teacher would: Wnioski → Złóż wniosek → the form → Wyślij. Returns her request's item."""
    page.get_by_test_id("nav-requests").click()
    page.get_by_test_id("request-new").click()
    page.get_by_test_id("rq-name").fill(name)
    page.get_by_test_id(f"rq-kind-{kind}").check()
    page.get_by_test_id("rq-topic").fill(topic)
    page.get_by_test_id("rq-justification").fill(JUSTIFICATION)
    page.get_by_test_id(f"rq-recruitment-{recruitment}").check()
    page.get_by_test_id("rq-expected").fill(expected)
    page.get_by_test_id("rq-send").click()
    item = page.get_by_test_id("request-item").filter(has_text=name)
    expect(item.get_by_test_id("request-status")).to_have_text("oczekuje na decyzję")
    return item


def open_queue_item(page, name: str):
    """Staff: Poradnia → Wnioski do rozpatrzenia → the request (once it has synced here)."""
    page.get_by_test_id("nav-staff").click()
    page.get_by_test_id("staff-queue").click()
    item = page.get_by_test_id("queue-item").filter(has_text=name)
    expect(item).to_be_visible(timeout=30_000)
    return item


def approve(page, name: str) -> None:
    """Staff approve a request with themselves as the coordinator (the preselected choice)."""
    item = open_queue_item(page, name)
    item.get_by_test_id("queue-approve").click()
    expect(item.get_by_test_id("queue-coordinator").locator("option:checked")).to_contain_text("(Ty)")
    item.get_by_test_id("queue-approve-confirm").click()
    expect(page.get_by_test_id("queue-item").filter(has_text=name)).to_have_count(0)
    wait_synced(page)


def open_network(page, name: str) -> None:
    """From anywhere: Sieci → the network among her own."""
    page.get_by_test_id("nav-networks").click()
    page.get_by_test_id("my-network").filter(has_text=name).click()
    expect(page.get_by_test_id("network-name")).to_have_text(name)


def letter(mail_dir: Path, to: str, subject_part: str, timeout: float = 30) -> email.message.EmailMessage:
    """The newest .eml the server wrote to `to` whose subject has `subject_part`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in sorted(mail_dir.glob("*.eml"), reverse=True):
            msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            if to in str(msg["To"]) and subject_part in str(msg["Subject"]):
                return msg
        time.sleep(0.1)  # polling the mail folder until the letter is there, not a wait for a result
    raise AssertionError(f"no letter to {to} about {subject_part!r} in {mail_dir}")


def link_in(msg, path: str) -> str:
    """The first link in the letter's text whose path starts with `path`."""
    text = msg.get_body(preferencelist=("plain",)).get_content()
    found = re.search(rf"https?://\S+{re.escape(path)}\S+", text)
    assert found, f"no {path} link in:\n{text}"
    return found.group(0)
