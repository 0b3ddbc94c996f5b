"""Notifications by e-mail: at once, or gathered in a daily or weekly digest; each one answerable."""
from __future__ import annotations

import hashlib
import hmac
from collections import defaultdict
from urllib.parse import urlparse

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.accounts.models import User
from server.db import utcnow
from server.extensions import sync_engine
from server.forum.models import Post, Thread
from server.forum.render import to_html
from server.mail import Letter, lang_of, letter
from server.mailqueue.services import outgoing
from server.networks.models import Network
from server.notifications.models import DEFAULT_EMAIL, Notification, NotificationPref

# Who acts when the server marks notifications e-mailed: no person. The mark is a write to
# rows devices hold (through the engine, like every such write), though none of them shows it.
SERVER = "server"

WHAT = {  # a digest's list
    "reply": "odpowiedź w wątku",
    "mention": "wzmianka o Tobie w wątku",
    "thread": "nowy wątek",
    "resource": "nowa dobra praktyka",
}


# What she did, in the past tense as Polish apps say it: (as "pani", as "pan").
DONE = {
    "reply": ("odpowiedziała w wątku", "odpowiedział w wątku"),
    "mention": ("oznaczyła Cię we wpisie w wątku", "oznaczył Cię we wpisie w wątku"),
    "thread": ("założyła nowy wątek", "założył nowy wątek"),
    "resource": ("dodała dobrą praktykę", "dodał dobrą praktykę"),
}


# The same in English (her profile's language), which needs no form of address.
WHAT_EN = {"reply": "a reply in the thread", "mention": "a mention of you in the thread",
           "thread": "a new thread", "resource": "a new good practice"}
DONE_EN = {"reply": "replied in the thread", "mention": "mentioned you in a post in the thread",
           "thread": "started a new thread", "resource": "added a good practice"}


def _sentence_en(kind: str, actor: User | None, count: int, title: str) -> str:
    who = actor.name if actor else "Someone"
    if kind == "reply" and count > 1:
        done = f"{who} and others: {count} replies in the thread"
    elif kind == "mention" and count > 1:
        done = f"{who} and others mentioned you in {count} posts in the thread"
    else:
        done = f"{who} {DONE_EN[kind]}"
    return f"{done} “{title}”"


def _sentence(kind: str, actor: User | None, count: int, title: str) -> str:
    """A letter's news, worded as in the app's list (pwa/src/ui/messages/forum.js, notes.kind.*):
    past tense by the form her profile records; with none, neutral ("Anna Nowak: nowy wątek")."""
    who = actor.name if actor else "Ktoś"  # "ktoś" takes the masculine
    form = actor.form_of_address if actor else "pan"
    if kind == "reply" and count > 1:
        done = f"{who} i inni: {count} odpowiedzi w wątku"
    elif kind == "mention" and count > 1:
        done = f"{who} i inni oznaczyli Cię w {count} wpisach w wątku"
    elif form in ("pani", "pan"):
        done = f"{who} {DONE[kind][0 if form == 'pani' else 1]}"
    else:
        done = f"{who}: {WHAT[kind]}"
    return f"{done} „{title}”"


def reply_address(note: Notification) -> str | None:
    """reply-<notification>-<signature>@domain: whoever answers is checked against its owner."""
    domain = current_app.config.get("MAIL_REPLY_DOMAIN") or urlparse(current_app.config["BASE_URL"]).hostname
    if not domain:
        return None
    return f"reply-{note.id.replace('-', '')}-{sign(note.id)}@{domain}"


def sign(notification_id: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"reply:{notification_id}".encode(), hashlib.sha256).hexdigest()[:12]


def _emailed(session: Session, mode: str) -> list[Notification]:
    """Not yet e-mailed, unread, for people whose choice for that network is ``mode``: chosen
    by the database, so a digest run reads only what it sends (not every pending note)."""
    choice = func.coalesce(NotificationPref.email, DEFAULT_EMAIL)  # no choice made: the default
    return list(session.scalars(
        select(Notification)
        .outerjoin(NotificationPref, (NotificationPref.user_id == Notification.user_id)
                   & (NotificationPref.network_id == Notification.network_id))
        .where(Notification.emailed_at.is_(None), Notification.read_at.is_(None), choice == mode)
        .order_by(Notification.created_at)
    ))


def queue_immediate(session: Session) -> int:
    """Write one letter per notification due at once; mark them e-mailed in the same commit."""
    with sync_engine().writing(session, SERVER) as ctx:
        notes = _emailed(session, "immediate")
        now = utcnow()
        for note in notes:
            ctx.add(outgoing(_single(session, note)))
            note.emailed_at = now
    return len(notes)


def queue_digests(session: Session, mode: str) -> int:
    """One letter per person gathering everything since her last one; return how many."""
    by_user: dict[str, list[Notification]] = defaultdict(list)
    with sync_engine().writing(session, SERVER) as ctx:
        for note in _emailed(session, mode):
            by_user[note.user_id].append(note)
        now = utcnow()
        for user_id, notes in by_user.items():
            ctx.add(outgoing(_digest(session, session.get(User, user_id), notes, mode)))
            for note in notes:
                note.emailed_at = now
    return len(by_user)


def _line(session: Session, note: Notification) -> tuple[str, Thread, Post | None, User | None]:
    thread = session.get(Thread, note.thread_id)
    post = session.get(Post, note.post_id) if note.post_id else None
    actor = session.get(User, note.actor_id) if note.actor_id else None
    return WHAT[note.kind], thread, post, actor


def _single(session: Session, note: Notification) -> Letter:
    user = session.get(User, note.user_id)
    _what, thread, post, actor = _line(session, note)
    network = session.get(Network, note.network_id)
    lang = lang_of(user.lang)
    # The post keeps its formatting in the HTML version, sanitized as on the page.
    quoted = (post.body, to_html(post.body)) if post is not None and post.deleted_at is None else None
    if lang == "en":
        paragraphs = [f"{_sentence_en(note.kind, actor, note.count, thread.title)} in the network “{network.name}”.",
                      "You can reply to this e-mail — your reply will go to the thread."]
        label = "Open the thread"
    else:
        paragraphs = [f"{_sentence(note.kind, actor, note.count, thread.title)} w sieci „{network.name}”.",
                      "Możesz odpowiedzieć na ten e-mail — odpowiedź trafi do wątku."]
        label = "Otwórz wątek"
    return letter(
        user.email,
        f"{thread.title} — {network.name}",
        None,
        paragraphs,
        (label, f"{current_app.config['BASE_URL']}/#/t/{thread.id}"),
        quoted,
        reply_address(note),
        lang=lang,
    )


def _digest(session: Session, user: User, notes: list[Notification], mode: str) -> Letter:
    lang = lang_of(user.lang)
    english = lang == "en"
    if english:
        period = "today" if mode == "daily" else "this week"
    else:
        period = "dzisiaj" if mode == "daily" else "w tym tygodniu"
    lines = []
    for note in notes:
        what, thread, _post, actor = _line(session, note)
        count = f" ×{note.count}" if note.count > 1 else ""
        if english:
            lines.append(f"• {actor.name if actor else 'Someone'}: {WHAT_EN[note.kind]} “{thread.title}”{count}")
        else:
            lines.append(f"• {actor.name if actor else 'Ktoś'}: {what} „{thread.title}”{count}")
    if english:
        subject, intro, label = (f"Krąg: what's new {period} ({len(notes)})",
                                 f"Here is what happened in your networks {period}:", "Open Krąg")
    else:
        subject, intro, label = (f"Krąg: co nowego {period} ({len(notes)})",
                                 f"Oto, co wydarzyło się {period} w Twoich sieciach:", "Otwórz Krąg")
    return letter(user.email, subject, None, [intro, *lines], (label, f"{current_app.config['BASE_URL']}/"),
                  lang=lang)
