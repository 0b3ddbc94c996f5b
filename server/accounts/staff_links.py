"""`signin_link.issue`: a Poradnia employee sends a teacher who lost her phone (and its passkey)
a one-time sign-in link.

The link goes by letter to her own address, never to the employee's screen: whoever holds a
link is signed in as her, and staff who could sign in as any teacher would read her private
messages and answers (RODO). The employee checks who is calling, issues the link, and tells her
to open her mail on any computer. It lasts longer than a link she asks for herself, as she may
reach a computer only the next day; it still works once. Each issue is logged (who, for whom).
"""
from __future__ import annotations

from sync import Rejected
from sync.context import MutationContext

from server import mail
from server.accounts import audit, rights, services, signin
from server.accounts.models import User
from server.mailqueue.services import queue

HOURS = 24
SUBJECT = {"pl": "Link do logowania w Kręgu od poradni", "en": "A Krąg sign-in link from the Poradnia"}


def issue(ctx: MutationContext, args: dict) -> None:
    staff = rights.require_staff(ctx)
    user = ctx.session.get(User, args["user_id"])
    if user is None:
        raise Rejected("not_found", "Nie ma takiej osoby.")
    token = services.issue_login_token(ctx.session, user, HOURS * 60)
    queue(ctx, _letter(user, staff, signin.login_url(token)))
    audit.record(ctx, "signin_link.issued", user.id)  # who, for whom; never the link


def _letter(user: User, staff: User, url: str) -> mail.Letter:
    lang = mail.lang_of(user.lang)
    if lang == "en":
        paragraphs = [
            f"As you asked, {staff.name} from the Poradnia is sending you a link to sign in to Krąg.",
            f"It works once, for {HOURS} hours. Once signed in, you can remove the lost phone's passkey "
            "in your profile and add a new one.",
            "If you did not ask for a link, ignore this message and let the Poradnia know.",
        ]
        action = ("Sign in to Krąg", url)
    else:
        paragraphs = [
            f"Na Twoją prośbę {staff.name} z poradni wysyła Ci link do logowania w Kręgu.",
            f"Działa jeden raz przez {HOURS} godziny. Po zalogowaniu możesz w profilu usunąć klucz dostępu "
            "zgubionego telefonu i dodać nowy.",
            "Jeśli to nie Ty prosisz o link, zignoruj tę wiadomość i daj znać poradni.",
        ]
        action = ("Zaloguj się do Kręgu", url)
    return mail.letter(user.email, SUBJECT[lang], None, paragraphs, action, lang=lang)
