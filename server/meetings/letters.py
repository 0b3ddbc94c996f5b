"""The letters meetings send, in the recipient's language (Polish or English): the reminder the
day before, and word of a meeting moved or cancelled. Each carries the meeting's .ics, so her calendar app follows.

`changed` is connected to services.changed: it runs in the mutation, so the letters are
queued with the change and never sent for one that was refused.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sync.context import MutationContext

from server.accounts.models import User
from server.db import utcnow
from server.mail import Attachment, Letter, lang_of, letter
from server.mailqueue.services import queue
from server.meetings import ics
from server.meetings.calendar import WARSAW
from server.meetings.models import Meeting
from server.networks import rights as network_rights
from server.networks.models import Network

WEEKDAYS = ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")
MONTHS = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
          "października", "listopada", "grudnia")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
CALENDAR_HINT = "W załączniku jest plik .ics: otwórz go, a kalendarz w telefonie zapisze spotkanie."
# English words the letters share (the rest is worded in each letter).
EN = {
    "hint": "The attached .ics file: open it and your phone's calendar will save the meeting.",
    "hint.moved": "The attached .ics file: open it and your phone's calendar will update the meeting.",
    "hint.cancelled": "The attached .ics file: open it and your phone's calendar will mark the meeting cancelled.",
    "see": "See the meeting",
}


def day(moment: datetime, lang: str = "pl") -> str:
    """"czwartek, 14 stycznia 2027" ("Thursday, 14 January 2027"), in Warsaw."""
    local = moment.astimezone(WARSAW)
    if lang == "en":
        return f"{WEEKDAYS_EN[local.weekday()]}, {local.day} {MONTHS_EN[local.month - 1]} {local.year}"
    return f"{WEEKDAYS[local.weekday()]}, {local.day} {MONTHS[local.month - 1]} {local.year}"


def when(starts_at: datetime, ends_at: datetime, lang: str = "pl") -> str:
    """"czwartek, 14 stycznia 2027, 15:30–17:00" (a meeting past midnight names both days)."""
    start, end = starts_at.astimezone(WARSAW), ends_at.astimezone(WARSAW)
    if start.date() == end.date():
        return f"{day(start, lang)}, {start:%H:%M}–{end:%H:%M}"
    return f"{day(start, lang)}, {start:%H:%M} – {day(end, lang)}, {end:%H:%M}"


def _place_lines(m: Meeting, lang: str = "pl") -> list[str]:
    en = lang == "en"
    lines = [f"{'Place' if en else 'Miejsce'}: {m.place}."] if m.place else []
    if m.online_url:
        lines.append(f"{'You can also join online' if en else 'Można też dołączyć online'}: {m.online_url}")
    return lines


def _agenda(m: Meeting, lang: str) -> list[str]:
    if not m.agenda:
        return []
    return [("Agenda: " if lang == "en" else "Program: ") + "; ".join(
        f"{item['time'] + ' ' if item.get('time') else ''}{item['topic']}" for item in m.agenda) + "."]


def reminder(m: Meeting, network: Network, ics_file: Attachment, to: str, answer: str | None, today,
             lang: str = "pl") -> Letter:
    """The day before (or the same day, for a meeting planned at short notice)."""
    lang = lang_of(lang)
    start = m.starts_at.astimezone(WARSAW)
    if lang == "en":
        soon = "today" if start.date() == today else "tomorrow"
        paragraphs = [f"A reminder: the meeting “{m.title}” ({network.name}) is {soon}.",
                      f"When: {when(m.starts_at, m.ends_at, lang)}.", *_place_lines(m, lang), *_agenda(m, lang)]
        if answer is None:
            paragraphs.append("Let us know in Krąg whether you are coming.")
        elif answer == "maybe":
            paragraphs.append("Your answer: maybe. If you know by now, let us know in Krąg.")
        paragraphs.append(EN["hint"])
        return letter(to, f"Reminder: {m.title} — {soon}, {start:%H:%M}", None, paragraphs,
                      (EN["see"], ics.link(m.id)), attachments=(ics_file,), lang=lang)
    soon = "dziś" if start.date() == today else "jutro"
    paragraphs = [f"Przypominamy: {soon} spotkanie „{m.title}” ({network.name}).",
                  f"Termin: {when(m.starts_at, m.ends_at)}.", *_place_lines(m), *_agenda(m, lang)]
    if answer is None:
        paragraphs.append("Daj znać w Kręgu, czy przyjdziesz.")
    elif answer == "maybe":
        paragraphs.append("Twoja odpowiedź: może. Jeśli już wiesz, daj znać w Kręgu.")
    paragraphs.append(CALENDAR_HINT)
    return letter(to, f"Przypomnienie: {m.title} — {soon}, {start:%H:%M}", None, paragraphs,
                  ("Zobacz spotkanie", ics.link(m.id)), attachments=(ics_file,))


def _what_moved(was: dict, lang: str = "pl") -> str:
    timing = "starts_at" in was or "ends_at" in was
    if lang == "en":
        return "time and place" if timing and "place" in was else "time" if timing else "place"
    if timing and "place" in was:
        return "termin i miejsce"
    return "termin" if timing else "miejsce"


def _moved_en(m: Meeting, network: Network, ics_file: Attachment, to: str, was: dict) -> Letter:
    paragraphs = [f"The {_what_moved(was, 'en')} of the meeting “{m.title}” ({network.name}) has changed."]
    if "starts_at" in was or "ends_at" in was:
        earlier = when(was.get("starts_at", m.starts_at), was.get("ends_at", m.ends_at), "en")
        paragraphs.append(f"New time: {when(m.starts_at, m.ends_at, 'en')} (before: {earlier}).")
    else:
        paragraphs.append(f"The time stays the same: {when(m.starts_at, m.ends_at, 'en')}.")
    if "place" in was:
        paragraphs.append(f"New place: {m.place} (before: {was['place']}).")
    paragraphs.append(EN["hint.moved"])
    return letter(to, f"Changed: {m.title} — {network.name}", None, paragraphs,
                  (EN["see"], ics.link(m.id)), attachments=(ics_file,), lang="en")


def moved(m: Meeting, network: Network, ics_file: Attachment, to: str, was: dict, lang: str = "pl") -> Letter:
    if lang_of(lang) == "en":
        return _moved_en(m, network, ics_file, to, was)
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
    return letter(to, f"Zmiana: {m.title} — {network.name}", None, paragraphs,
                  ("Zobacz spotkanie", ics.link(m.id)), attachments=(ics_file,))


def cancelled(m: Meeting, network: Network, ics_file: Attachment, to: str, lang: str = "pl") -> Letter:
    if lang_of(lang) == "en":
        return letter(
            to, f"Cancelled: {m.title} — {network.name}", None,
            [f"The meeting “{m.title}” ({network.name}) planned for {when(m.starts_at, m.ends_at, 'en')} "
             "has been cancelled.", EN["hint.cancelled"]],
            (EN["see"], ics.link(m.id)), attachments=(ics_file,), lang="en")
    return letter(
        to, f"Odwołane: {m.title} — {network.name}", None,
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
    emails = ctx.session.execute(select(User.email, User.lang).where(User.id.in_(people)).order_by(User.email)).all()
    ics_file = ics.attachment(ctx.session, m)  # one file for all of them
    for email, lang in emails:
        if m.status == "cancelled":
            queue(ctx, cancelled(m, network, ics_file, email, lang))
        else:
            queue(ctx, moved(m, network, ics_file, email, was, lang))
