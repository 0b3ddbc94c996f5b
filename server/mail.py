"""Outgoing e-mail: SMTP when KRAG_MAIL_URL is set, else .eml files under instance/mail/."""
from __future__ import annotations

import smtplib
import time
import uuid
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from urllib.parse import urlparse

from flask import current_app


def build(to: str, subject: str, text: str, html: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_FROM"]
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="krag.local")
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    return msg


def send(msg: EmailMessage) -> None:
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
