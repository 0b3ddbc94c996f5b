"""Sign-in by e-mailed link: the letter (at most five an address in 15 minutes), and using it."""
from __future__ import annotations

import logging
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server import mail
from server.accounts import services
from server.accounts.models import User
from server.db import utcnow
from server.errors import ApiError
from server.mailqueue.models import OutgoingMail
from server.mailqueue.services import kick, outgoing

LINKS_PER_QUARTER_HOUR = 5
SUBJECT = "Link do logowania w Kręgu"
log = logging.getLogger(__name__)


def send_link(session: Session, email: str) -> None:
    """Send her a link when she has an account and has not had too many lately. Nothing tells
    the caller which happened: the answer is the same, so nobody learns who has an account."""
    user = services.find_user_by_email(session, email)
    if user is None:
        return
    if _letters_lately(session, user.email) >= LINKS_PER_QUARTER_HOUR:
        log.warning("sign-in links to %s held back: %s sent in 15 minutes", user.email, LINKS_PER_QUARTER_HOUR)
        return
    minutes = current_app.config["LOGIN_LINK_MINUTES"]
    token = services.issue_login_token(session, user, minutes)
    # Through the outgoing-mail queue like every letter: a mail server that is down now gets
    # it on a later try (the queue's retries, `krag mail-deliver`), and the answer never waits.
    session.add(outgoing(_login_mail(user, login_url(token), minutes)))
    session.commit()
    kick()


def _letters_lately(session: Session, email: str) -> int:
    """Sign-in letters sent her in the last 15 minutes: the cap guards her inbox, so links
    printed by `krag login-link` (or a test's) are not counted."""
    since = utcnow() - timedelta(minutes=15)
    return session.scalar(select(func.count(OutgoingMail.id)).where(
        OutgoingMail.to == email, OutgoingMail.subject == SUBJECT, OutgoingMail.created_at > since)) or 0


def login_url(token: str) -> str:
    return f"{current_app.config['BASE_URL']}/auth/link/{token}"


def _login_mail(user: User, url: str, minutes: int) -> mail.Letter:
    return mail.letter(
        user.email,
        SUBJECT,
        mail.GREETING,
        [
            f"Aby zalogować się do Kręgu, otwórz poniższy link. Działa jeden raz przez {minutes} minut.",
            "Jeśli to nie Ty prosisz o logowanie, zignoruj tę wiadomość.",
        ],
        ("Zaloguj się do Kręgu", url),
    )


def use_link(session: Session, token: str) -> str:
    """Use the link's token up (once, briefly valid); whose it was."""
    user_id = services.consume_login_token(session, token)
    session.commit()
    if user_id is None:
        raise ApiError(410, "link_invalid", "Ten link do logowania wygasł albo został już użyty. Wyślij sobie nowy.")
    return user_id
