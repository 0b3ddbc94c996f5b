"""Meetings as iCalendar (RFC 5545): her private feed, one meeting's .ics, a letter's attachment.

Times go out in Warsaw's local time with TZID=Europe/Warsaw and the VTIMEZONE that
defines it, so a calendar app shows 16:00 as 16:00 on either side of a change of clocks.
A meeting keeps its UID for life ("<id>@krag") and counts its changes in SEQUENCE, so a
calendar updates the event it has rather than adding a second one.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

TZID = "Europe/Warsaw"
WARSAW = ZoneInfo(TZID)
PRODID = "-//Poradnia//Krąg//PL"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# icalendar takes about half a millisecond to write one event, and a calendar app asks for the
# same feed again every few hours: each event's text is kept (by everything it is made of),
# so a feed of 400 meetings costs its query and a join, not 200 ms.
KEEP_EVENTS = 10_000  # about 7 MB
_events: OrderedDict[str, bytes] = OrderedDict()
_events_lock = threading.Lock()
END = b"END:VCALENDAR\r\n"


@dataclass(frozen=True)
class Entry:
    """What a calendar shows of one meeting (plain values: the builder reads no database)."""

    id: str
    title: str
    starts_at: datetime  # aware
    ends_at: datetime
    place: str
    network_name: str
    status: str = "planned"  # "planned" | "cancelled"
    sequence: int = 0
    changed_at: datetime | None = None  # its last edit (or creation): DTSTAMP, LAST-MODIFIED
    agenda: tuple[dict, ...] = ()  # {time: "HH:MM"|None, topic, who}
    links: tuple[dict, ...] = ()  # {title, url}
    online_url: str | None = None
    url: str | None = None  # the meeting in Krąg


def uid(meeting_id: str) -> str:
    return f"{meeting_id}@krag"


def description(entry: Entry) -> str:
    """The agenda, then the links, in plain text: what a calendar app shows under the title."""
    lines = [f"Sieć: {entry.network_name}"]
    if entry.status == "cancelled":
        lines.insert(0, "Spotkanie odwołane.")
    if entry.agenda:
        lines += ["", "Program:"]
        for item in entry.agenda:
            when = f"{item['time']} " if item.get("time") else ""
            who = f" — {item['who']}" if item.get("who") else ""
            lines.append(f"{when}{item['topic']}{who}")
    if entry.online_url:
        lines += ["", f"Spotkanie online: {entry.online_url}"]
    if entry.links:
        lines += ["", "Materiały:", *(f"{link.get('title') or link['url']}: {link['url']}" for link in entry.links)]
    if entry.url:
        lines += ["", f"W Kręgu: {entry.url}"]
    return "\n".join(lines)


def event(entry: Entry) -> Event:
    ev = Event()
    ev.add("uid", uid(entry.id))
    ev.add("dtstamp", entry.changed_at or entry.starts_at)  # a UTC time, as RFC 5545 asks
    if entry.changed_at:
        ev.add("last-modified", entry.changed_at)
    ev.add("sequence", entry.sequence)
    ev.add("summary", entry.title)
    ev.add("dtstart", entry.starts_at.astimezone(WARSAW))
    ev.add("dtend", entry.ends_at.astimezone(WARSAW))
    ev.add("location", entry.place)
    ev.add("description", description(entry))
    ev.add("status", "CANCELLED" if entry.status == "cancelled" else "CONFIRMED")
    if entry.url:
        ev.add("url", entry.url)
    return ev


def _event_text(entry: Entry) -> bytes:
    key = repr(entry)  # every value the event is written from
    with _events_lock:
        if key in _events:
            _events.move_to_end(key)
            return _events[key]
    text = event(entry).to_ical()
    with _events_lock:
        _events[key] = text
        while len(_events) > KEEP_EVENTS:
            _events.popitem(last=False)
    return text


def forget() -> None:
    """Drop the kept events (a benchmark's cold start)."""
    with _events_lock:
        _events.clear()


@lru_cache(maxsize=64)
def _timezone(first_year: int, last_year: int) -> bytes:
    """Europe/Warsaw's rules from ``first_year`` to ``last_year`` (a shorter VTIMEZONE than 1970–2038)."""
    return Timezone.from_tzid(TZID, first_date=date(first_year, 1, 1), last_date=date(last_year + 1, 1, 1)).to_ical()


def _years(entries: list[Entry]) -> tuple[int, int]:
    years = [e.starts_at.astimezone(WARSAW).year for e in entries] or [date.today().year]
    return min(years) - 1, max(years) + 1


def calendar(entries: list[Entry], name: str | None = None, method: str | None = None) -> bytes:
    """A VCALENDAR of ``entries``; ``method`` "PUBLISH" for a letter's attachment. icalendar
    writes every part; the parts are joined here, so each event is written once (see KEEP_EVENTS)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", TZID)
    head = cal.to_ical()
    assert head.endswith(END)
    return b"".join([head[: -len(END)], _timezone(*_years(entries)), *map(_event_text, entries), END])
