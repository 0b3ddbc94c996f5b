"""Outgoing e-mail: letters in Krąg's one layout; SMTP when KRAG_MAIL_URL is set, else .eml files."""
from __future__ import annotations

import re
import smtplib
import time
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from html import escape
from pathlib import Path
from urllib.parse import urlparse

from flask import current_app, has_request_context, request

# Letters speak the recipient's language (her profile's `lang`); Polish first.
LANGS = ("pl", "en")
SIGNATURES = {"pl": "Krąg — sieci współpracy i samokształcenia", "en": "Krąg — networks for collaboration and learning"}
SIGNATURE = SIGNATURES["pl"]
# Every letter greets the same way: a name in the nominative ("Dzień dobry, Anna Nowak!") reads
# as a form letter in Polish, and the vocative of a name cannot be made safely by rule.
GREETINGS = {"pl": "Dzień dobry,", "en": "Hello,"}
GREETING = GREETINGS["pl"]
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


@dataclass(frozen=True)
class Attachment:
    """A text file sent with a letter (a meeting's .ics): ``content_type`` may carry parameters."""

    filename: str
    content_type: str  # "text/calendar; method=PUBLISH"
    text: str

    def as_dict(self) -> dict:
        return {"filename": self.filename, "content_type": self.content_type, "text": self.text}


@dataclass(frozen=True)
class Letter:
    to: str
    subject: str
    text: str
    html: str
    reply_to: str | None = None
    attachments: tuple[Attachment, ...] = ()


def lang_of(value: str | None) -> str:
    """A language letters are written in: ``value`` when Krąg speaks it, else Polish."""
    return value if value in LANGS else "pl"


def request_lang(given: str | None = None) -> str:
    """The language of a letter to someone with no account yet: the one the request names (the
    app's, sent as a field), else its Accept-Language's best of ours, else Polish."""
    if given in LANGS:
        return given
    if has_request_context():
        return lang_of(request.accept_languages.best_match(LANGS))
    return "pl"


def letter(
    to: str,
    subject: str,
    greeting: str | None,
    paragraphs: list[str],
    action: tuple[str, str] | None = None,
    quoted: tuple[str, str] | None = None,
    reply_to: str | None = None,
    attachments: tuple[Attachment, ...] = (),
    lang: str = "pl",
) -> Letter:
    """A plain-text and an HTML version of the same short message, in ``lang`` (its greeting,
    when None, signature and html lang; the caller words the subject and paragraphs in it).

    ``quoted`` is (text, already sanitized HTML) of a post, shown after the first paragraph;
    ``reply_to``, when given, is where an answer to the letter goes (its Reply-To header);
    ``attachments`` go with it (a meeting's .ics).
    """
    lang = lang_of(lang)
    greeting = greeting or GREETINGS[lang]
    signature = SIGNATURES[lang]
    text_parts = [f"{greeting}", *paragraphs[:1], *([quoted[0]] if quoted else []), *paragraphs[1:]]
    html_parts = [f"<p>{escape(greeting)}</p>", *(f"<p>{escape(p)}</p>" for p in paragraphs[:1]),
                  *([quoted[1]] if quoted else []), *(f"<p>{escape(p)}</p>" for p in paragraphs[1:])]
    if action:
        label, url = action
        text_parts.append(f"{label}: {url}")
        html_parts.append(
            f'<p><a href="{escape(url)}" style="display:inline-block;padding:10px 16px;background:#0f766e;'
            f'color:#ffffff;border-radius:6px;text-decoration:none">{escape(label)}</a></p>'
        )
    text = "\n\n".join(text_parts) + f"\n\n-- \n{signature}\n"
    html = (
        f'<!doctype html><html lang="{lang}"><body style="font-family:sans-serif;line-height:1.5;color:#1f2937">'
        + "".join(html_parts)
        + f'<p style="color:#6b7280;font-size:13px">{escape(signature)}</p></body></html>'
    )
    return Letter(to, subject, text, html, reply_to, attachments)


def one_line(value: str) -> str:
    """A header's value on one line: a line break typed into a form (a network request's name in
    its letter's subject) would make the letter unsendable, or add a header of its own."""
    return " ".join(_CONTROL.sub(" ", value).split())


def build(message: Letter) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_FROM"]
    msg["To"] = one_line(message.to)
    msg["Subject"] = one_line(message.subject)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="krag.local")
    if message.reply_to:
        msg["Reply-To"] = one_line(message.reply_to)
    msg.set_content(message.text)
    msg.add_alternative(message.html, subtype="html")
    for item in message.attachments:
        kind, *params = [part.strip() for part in item.content_type.split(";")]
        extra = dict(param.split("=", 1) for param in params)
        msg.add_attachment(item.text, subtype=kind.split("/")[1], filename=item.filename, params=extra)
    return msg


def send(message: Letter) -> None:
    msg = build(message)
    url = current_app.config.get("MAIL_URL")
    if url:
        parsed = urlparse(url)
        if parsed.scheme not in ("smtp", "smtps"):
            raise ValueError("KRAG_MAIL_URL must be smtp://host:port or smtps://host:port")
        cls = smtplib.SMTP_SSL if parsed.scheme == "smtps" else smtplib.SMTP
        with cls(parsed.hostname or "127.0.0.1", parsed.port or 25, timeout=20) as smtp:
            if parsed.username:
                smtp.login(parsed.username, parsed.password or "")
            smtp.send_message(msg)
        return
    folder = Path(current_app.config["MAIL_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{int(time.time() * 1000)}-{uuid.uuid4().hex[:8]}.eml").write_bytes(bytes(msg))
