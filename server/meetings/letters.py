"""The letters meetings send, in Polish: the reminder the day before, and word of a meeting
moved or cancelled. Each carries the meeting's .ics, so her calendar app follows.

`changed` is connected to services.changed: it runs in the mutation, so the letters are
queued with the change and never sent for one that was refused.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sync.context import MutationContext

from server.accounts.models import User
from server.db import utcnow
from server.mail import GREETING, Attachment, Letter, letter
from server.mailqueue.services import queue
from server.meetings import ics
from server.meetings.calendar import WARSAW
from server.meetings.models import Meeting
from server.networks import rights as network_rights
from server.networks.models import Network

WEEKDAYS = ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")
MONTHS = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
          "października", "listopada", "grudnia")
CALENDAR_HINT = "W załączniku jest plik .ics: otwórz go, a kalendarz w telefonie zapisze spotkanie."


def day(moment: datetime) -> str:
    """"czwartek, 14 stycznia 2027", in Warsaw."""
    local = moment.astimezone(WARSAW)
    return f"{WEEKDAYS[local.weekday()]}, {local.day} {MONTHS[local.month - 1]} {local.year}"


def when(starts_at: datetime, ends_at: datetime) -> str:
    """"czwartek, 14 stycznia 2027, 15:30–17:00" (a meeting past midnight names both days)."""
    start, end = starts_at.astimezone(WARSAW), ends_at.astimezone(WARSAW)
    if start.date() == end.date():
        return f"{day(start)}, {start:%H:%M}–{end:%H:%M}"
    return f"{day(start)}, {start:%H:%M} – {day(end)}, {end:%H:%M}"


def _place_lines(m: Meeting) -> list[str]:
    lines = [f"Miejsce: {m.place}."] if m.place else []
    if m.online_url:
        lines.append(f"Można też dołączyć online: {m.online_url}")
    return lines


def reminder(m: Meeting, network: Network, ics_file: Attachment, to: str, answer: str | None, today) -> Letter:
    """The day before (or the same day, for a meeting planned at short notice)."""
    start = m.starts_at.astimezone(WARSAW)
    soon = "dziś" if start.date() == today else "jutro"
    paragraphs = [f"Przypominamy: {soon} spotkanie „{m.title}” ({network.name}).",
                  f"Termin: {when(m.starts_at, m.ends_at)}.", *_place_lines(m)]
    if m.agenda:
        paragraphs.append("Program: " + "; ".join(
            f"{item['time'] + ' ' if item.get('time') else ''}{item['topic']}" for item in m.agenda) + ".")
    if answer is None:
        paragraphs.append("Daj znać w Kręgu, czy przyjdziesz.")
    elif answer == "maybe":
        paragraphs.append("Twoja odpowiedź: może. Jeśli już wiesz, daj znać w Kręgu.")
    paragraphs.append(CALENDAR_HINT)
    return letter(to, f"Przypomnienie: {m.title} — {soon}, {start:%H:%M}", GREETING, paragraphs,
                  ("Zobacz spotkanie", ics.link(m.id)), attachments=(ics_file,))


def _what_moved(was: dict) -> str:
    timing = "starts_at" in was or "ends_at" in was
    if timing and "place" in was:
        return "termin i miejsce"
    return "termin" if timing else "miejsce"


def moved(m: Meeting, network: Network, ics_file: Attachment, to: str, was: dict) -> Letter:
    what = _what_moved(was)
    paragraphs = [f"Zmieniono {what} spotkania „{m.title}” ({network.name})."]
    if "starts_at" in was or "ends_at" in was:
        paragraphs.append(f"Nowy termin: {when(m.starts_at, m.ends_at)} "
                          f"(wcześniej: {when(was.get('starts_at', m.starts_at), was.get('ends_at', m.ends_at))}).")
    else:
        paragraphs.append(f"Termin bez zmian: {when(m.starts_at, m.ends_at)}.")
    if "place" in was:
        paragraphs.append(f"Nowe miejsce: {m.place} (wcześniej: {was['place']}).")
    paragraphs.append("W załączniku jest plik .ics: otwórz go, a kalendarz w telefonie poprawi spotkanie.")
    return letter(to, f"Zmiana: {m.title} — {network.name}", GREETING, paragraphs,
                  ("Zobacz spotkanie", ics.link(m.id)), attachments=(ics_file,))


def cancelled(m: Meeting, network: Network, ics_file: Attachment, to: str) -> Letter:
    return letter(
        to, f"Odwołane: {m.title} — {network.name}", GREETING,
        [f"Odwołano spotkanie „{m.title}” ({network.name}) zaplanowane na {when(m.starts_at, m.ends_at)}.",
         "W załączniku jest plik .ics: otwórz go, a kalendarz w telefonie oznaczy spotkanie jako odwołane."],
        ("Zobacz spotkanie", ics.link(m.id)), attachments=(ics_file,))


def changed(ctx: MutationContext, m: Meeting, was: dict) -> None:
    """Everyone in the network hears of it, but whoever made the change (she knows). A meeting
    that is over, before and after the change (its times corrected afterwards), needs no letter."""
    now = utcnow()
    if m.ends_at <= now and was.get("ends_at", m.ends_at) <= now:
        return
    network = ctx.session.get(Network, m.network_id)
    people = sorted(network_rights.active_members(ctx, m.network_id) - {ctx.user_id})
    if not people:
        return
    emails = ctx.session.scalars(select(User.email).where(User.id.in_(people)).order_by(User.email)).all()
    ics_file = ics.attachment(ctx.session, m)  # one file for all of them
    for email in emails:
        if m.status == "cancelled":
            queue(ctx, cancelled(m, network, ics_file, email))
        else:
            queue(ctx, moved(m, network, ics_file, email, was))
