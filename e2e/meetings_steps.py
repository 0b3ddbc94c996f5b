"""Steps the meetings' e2e tests share: into a network's meetings, planning one in the form on
Warsaw's clock, and the times a test picks (today's Warsaw date, a meeting on now)."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from e2e.helpers import MATH

COORDINATOR = "koordynator@example.org"  # Małgorzata Lis, the mathematicians' coordinator (and an admin)
ANNA = "anna.nowak@example.org"
WARSAW = ZoneInfo("Europe/Warsaw")


def open_meetings(page, network: str = MATH) -> None:
    """Sieci → the network → Spotkania."""
    page.get_by_test_id("nav-networks").click()
    page.get_by_test_id("my-network").filter(has_text=network).click()
    page.get_by_test_id("meetings-open").click()
    expect(page.get_by_test_id("meetings")).to_be_visible()


def open_meeting(page, title: str, network: str = MATH) -> None:
    open_meetings(page, network)
    page.get_by_test_id("meeting-item").filter(has_text=title).click()
    expect(page.get_by_test_id("meeting-title")).to_have_text(title)


def plan_meeting(page, title: str, day: str, starts: str, ends: str, agenda: tuple[str, ...] = ()) -> None:
    """In the form (already open): title, day and hours as Warsaw's clock shows them, agenda items; then save."""
    page.get_by_test_id("meeting-title-input").fill(title)
    page.get_by_test_id("meeting-date").fill(day)
    page.get_by_test_id("meeting-starts").fill(starts)
    page.get_by_test_id("meeting-ends").fill(ends)
    for i, topic in enumerate(agenda):
        if i > 0:
            page.get_by_test_id("agenda-add").click()
        page.get_by_test_id("agenda-topic").nth(i).fill(topic)
    page.get_by_test_id("meeting-save").click()
    expect(page.get_by_test_id("meeting-title")).to_have_text(title)


def meeting_on_now() -> tuple[str, str, str]:
    """A day and hours (Warsaw) for a meeting that started up to 10 minutes ago: check-in is open."""
    now = datetime.now(WARSAW)
    # One day in the form: just after midnight it starts at 00:00, just before it ends at 23:59.
    start = max(now - timedelta(minutes=10), now.replace(hour=0, minute=0, second=0, microsecond=0))
    end = min(start + timedelta(hours=2), start.replace(hour=23, minute=59))
    return start.strftime("%Y-%m-%d"), start.strftime("%H:%M"), end.strftime("%H:%M")
