"""Reply by e-mail: an answer to a notification becomes a post in its thread.

`krag mail-in` runs an SMTP server (aiosmtpd) that accepts mail only for
reply-<notification>-<signature>@… addresses, checks the signature and that the
sender is the notification's owner and still a member, strips quoted text and
signatures, and posts what is left through the same mutation as the app.
"""
from __future__ import annotations

import html
import logging
import re
import uuid
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parseaddr

from flask import Flask
from sync import Rejected

from server.accounts.models import User
from server.extensions import db, sync_engine
from server.forum.render import plain
from server.notifications.email import sign
from server.notifications.models import Notification

log = logging.getLogger(__name__)
ADDRESS = re.compile(r"^reply-([0-9a-f]{32})-([0-9a-f]{12})@", re.IGNORECASE)
# Where the quoted conversation starts, in the mail programs Polish teachers use.
QUOTE_HEADERS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\s*W dniu .* (pisze|napisał|napisała|napisał\(a\)):\s*$",
        r"^\s*On .* wrote:\s*$",
        r"^\s*Dnia .* (pisze|napisał|napisała):\s*$",
        r"^\s*-+\s*(Original Message|Wiadomość oryginalna|Oryginalna wiadomość)\s*-+\s*$",
        r"^\s*(From|Od):\s.*$",
    )
]
SIGNATURE_STARTS = [re.compile(p, re.IGNORECASE) for p in (r"^-- ?$", r"^(Wysłano|Sent) (z|from) ", r"^Pozdrawiam,?$")]


def notification_for(address: str) -> Notification | None:
    match = ADDRESS.match(address.strip())
    if not match:
        return None
    notification_id = str(uuid.UUID(match.group(1)))
    if match.group(2).lower() != sign(notification_id):
        return None
    return db.session.get(Notification, notification_id)


def reply_text(message: EmailMessage) -> str:
    """The new words only: no quoted conversation, no signature."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = part.get_content()
    if part.get_content_type() == "text/html":
        # Tags out, then entities back to characters: "&amp;" was "&" in her letter.
        text = html.unescape(plain(re.sub(r"(?i)<br\s*/?>|</p>", "\n", text)))
    kept: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if any(p.match(line) for p in QUOTE_HEADERS) or any(p.match(line) for p in SIGNATURE_STARTS):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


def handle(raw: bytes, recipients: list[str]) -> str:
    """Turn one inbound message into a post; return an SMTP status line."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    sender = parseaddr(str(message.get("From", "")))[1].lower()
    for address in recipients:
        note = notification_for(address)
        if note is None:
            continue
        user = db.session.get(User, note.user_id)
        if user is None or user.email != sender:
            log.warning("reply for %s came from %s, not its owner", address, sender)
            return "550 Ten adres odpowiedzi należy do kogoś innego."
        body = reply_text(message)
        if not body:
            return "550 Odpowiedź jest pusta."
        try:
            engine = sync_engine()
            with engine.writing(db.session, user.id) as ctx:
                engine.run(ctx, "post.create", {"id": str(uuid.uuid4()), "thread_id": note.thread_id, "body": body})
        except Rejected as exc:
            return f"550 {exc.message}"
        return "250 Odpowiedź dodana do wątku."
    return "550 Nieznany adres odpowiedzi."


class ReplyHandler:
    """aiosmtpd hooks: refuse unknown recipients early, post accepted replies."""

    def __init__(self, app: Flask):
        self.app = app

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not ADDRESS.match(address):
            return "550 Nieznany adres odpowiedzi."
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.app.app_context():
            try:
                return handle(envelope.original_content or envelope.content, envelope.rcpt_tos)
            finally:
                db.session.remove()
