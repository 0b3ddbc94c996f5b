"""Sign-in by e-mailed link: the letter (how often: server/ratelimits.py), and using it."""
from __future__ import annotations

from flask import current_app
from sqlalchemy.orm import Session

from server import mail
from server.accounts import services
from server.accounts.models import User
from server.errors import ApiError
from server.mailqueue.services import kick, outgoing

SUBJECT = {"pl": "Link do logowania w Kręgu", "en": "Your Krąg sign-in link"}


def send_link(session: Session, email: str) -> None:
    """Send her a link when she has an account. Nothing tells the caller which happened: the
    answer is the same, so nobody learns who has an account. (The route counts the requests for
    an address, whoever has it: links printed by `krag login-link` are no letters, and not counted.)"""
    user = services.find_user_by_email(session, email)
    if user is None:
        return
    minutes = current_app.config["LOGIN_LINK_MINUTES"]
    token = services.issue_login_token(session, user, minutes)
    # Through the outgoing-mail queue like every letter: a mail server that is down now gets
    # it on a later try (the queue's retries, `krag mail-deliver`), and the answer never waits.
    session.add(outgoing(_login_mail(user, login_url(token), minutes)))
    session.commit()
    kick()


def login_url(token: str) -> str:
    return f"{current_app.config['BASE_URL']}/auth/link/{token}"


def _login_mail(user: User, url: str, minutes: int) -> mail.Letter:
    """In her language (her profile's)."""
    lang = mail.lang_of(user.lang)
    if lang == "en":
        paragraphs = [f"To sign in to Krąg, open the link below. It works once, for {minutes} minutes.",
                      "If you did not ask to sign in, you can ignore this message."]
        action = ("Sign in to Krąg", url)
    else:
        paragraphs = [f"Aby zalogować się do Kręgu, otwórz poniższy link. Działa jeden raz przez {minutes} minut.",
                      "Jeśli to nie Ty prosisz o logowanie, zignoruj tę wiadomość."]
        action = ("Zaloguj się do Kręgu", url)
    return mail.letter(user.email, SUBJECT[lang], None, paragraphs, action, lang=lang)


def use_link(session: Session, token: str) -> str:
    """Use the link's token up (once, briefly valid); whose it was."""
    user_id = services.consume_login_token(session, token)
    session.commit()
    if user_id is None:
        raise ApiError(410, "link_invalid", "Ten link do logowania wygasł albo został już użyty. Wyślij sobie nowy.")
    return user_id
