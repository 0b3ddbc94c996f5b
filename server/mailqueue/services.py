"""Queue letters inside a mutation; deliver them after the commit, retrying failures."""
from __future__ import annotations

import logging
import threading
from typing import Callable

from flask import Flask, current_app
from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sync.context import MutationContext

from server import mail
from server.db import utcnow
from server.extensions import db, socketio
from server.mailqueue.models import OutgoingMail

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
_delivering = threading.Lock()


def queue(ctx: MutationContext, message: mail.Letter) -> None:
    """Written in the mutation's transaction: no mail for a change that did not commit."""
    ctx.add(outgoing(message))
    ctx.on_commit(kick)


def outgoing(message: mail.Letter) -> OutgoingMail:
    return OutgoingMail(to=message.to, subject=message.subject, text=message.text, html=message.html,
                        reply_to=message.reply_to,
                        attachments=[item.as_dict() for item in message.attachments] or None)


def kick(prepare: Callable[[Session], None] | None = None) -> None:
    """Deliver in the background so a slow mail server never slows a push.

    ``prepare`` writes more letters first (e.g. notifications due at once).
    ``BACKGROUND_INLINE`` (tests) delivers right here instead, so nothing outlives the request.
    """
    app = current_app._get_current_object()
    if app.config.get("BACKGROUND_INLINE"):
        _deliver(prepare)
    else:
        socketio.start_background_task(_deliver_in, app, prepare)


def _deliver(prepare: Callable[[Session], None] | None) -> None:
    if prepare is not None:
        prepare(db.session)
    deliver_pending(db.session)


def _deliver_in(app: Flask, prepare: Callable[[Session], None] | None) -> None:
    with app.app_context():
        try:
            _deliver(prepare)
        finally:
            db.session.remove()


def deliver_pending(session: Session) -> int:
    """Send every letter not yet sent; return how many went out."""
    sent = 0
    with _delivering:
        ids = session.scalars(
            select(OutgoingMail.id).where(OutgoingMail.sent_at.is_(None), OutgoingMail.attempts < MAX_ATTEMPTS)
            .order_by(OutgoingMail.created_at)
        ).all()
        session.rollback()  # end the read snapshot: SQLite cannot turn a stale one into a write
        for mail_id in ids:
            # Claim it first, so two processes never send the same letter.
            claimed = session.execute(
                update(OutgoingMail).where(OutgoingMail.id == mail_id, OutgoingMail.sent_at.is_(None))
                .values(sent_at=utcnow(), attempts=OutgoingMail.attempts + 1)
            ).rowcount
            session.commit()
            if not claimed:
                continue
            row = session.get(OutgoingMail, mail_id)
            files = tuple(mail.Attachment(**item) for item in row.attachments or [])
            letter = mail.Letter(row.to, row.subject, row.text, row.html, row.reply_to, files)
            session.rollback()  # hold no write lock while the mail server takes its time
            try:
                mail.send(letter)
                sent += 1
            except (OSError, ValueError) as exc:
                log.warning("mail to %s failed (attempt %s): %s", row.to, row.attempts, exc)
                row.sent_at, row.last_error = None, str(exc)[:500]
                session.commit()
    return sent
