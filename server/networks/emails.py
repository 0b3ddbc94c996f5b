"""The letters networks send, in the recipient's language (her profile's; Polish for an address
with no account, unless the request it answers came in English)."""
from __future__ import annotations

from flask import current_app

from server.accounts.models import User
from server.mail import Letter, lang_of, letter
from server.networks.models import Network, NetworkRequest

KIND_NAMES = {"pl": {"subject": "przedmiotowa", "problem": "problemowa"},
              "en": {"subject": "a subject network", "problem": "a problem network"}}


def _app_link(fragment: str = "") -> str:
    return f"{current_app.config['BASE_URL']}/#/{fragment}"


def _send(to: str, lang: str, subject: dict, paragraphs: dict, action: dict, url: str) -> Letter:
    """One letter from its Polish and English words, in ``lang``."""
    lang = lang_of(lang)
    return letter(to, subject[lang], None, paragraphs[lang], (action[lang], url), lang=lang)


def request_received(requester: User, req: NetworkRequest) -> Letter:
    return _send(requester.email, requester.lang,
                 {"pl": f"Otrzymaliśmy wniosek o sieć „{req.name}”",
                  "en": f"We have received your request for the network “{req.name}”"},
                 {"pl": [f"Dziękujemy za wniosek o utworzenie sieci „{req.name}” "
                         f"({KIND_NAMES['pl'][req.kind]}, {req.topic}).",
                         "Pracownicy poradni rozpatrzą go i odpowiemy e-mailem."],
                  "en": [f"Thank you for your request to set up the network “{req.name}” "
                         f"({KIND_NAMES['en'][req.kind]}, {req.topic}).",
                         "The Poradnia's staff will consider it, and we will reply by e-mail."]},
                 {"pl": "Zobacz wniosek w Kręgu", "en": "See the request in Krąg"}, _app_link("requests"))


def request_for_staff(staff: User, requester: User, req: NetworkRequest) -> Letter:
    return _send(staff.email, staff.lang,
                 {"pl": f"Nowy wniosek o sieć: {req.name}", "en": f"New network request: {req.name}"},
                 {"pl": [f"{requester.name} prosi o utworzenie sieci „{req.name}”.",
                         f"Uzasadnienie: {req.justification}"],
                  "en": [f"{requester.name} asks for the network “{req.name}” to be set up.",
                         f"Reasons: {req.justification}"]},
                 {"pl": "Otwórz kolejkę wniosków", "en": "Open the request queue"}, _app_link("staff/queue"))


def request_approved(requester: User, req: NetworkRequest, network: Network, coordinator: User) -> Letter:
    return _send(requester.email, requester.lang,
                 {"pl": f"Sieć „{network.name}” została utworzona", "en": f"The network “{network.name}” is set up"},
                 {"pl": [f"Poradnia przyjęła Twój wniosek. Sieć „{network.name}” już działa, "
                         "a Ty jesteś jej członkiem.",
                         f"Koordynatorem sieci jest {coordinator.name}."],
                  "en": [f"The Poradnia has accepted your request. The network “{network.name}” is up and running, "
                         "and you are a member.", f"The network's coordinator is {coordinator.name}."]},
                 {"pl": "Przejdź do sieci", "en": "Go to the network"}, _app_link(f"n/{network.id}"))


def coordination_given(coordinator: User, network: Network) -> Letter:
    return _send(coordinator.email, coordinator.lang,
                 {"pl": f"Koordynujesz sieć „{network.name}”", "en": f"You coordinate the network “{network.name}”"},
                 {"pl": [f"Powierzono Ci koordynację sieci „{network.name}”."],
                  "en": [f"You have been made the coordinator of the network “{network.name}”."]},
                 {"pl": "Przejdź do sieci", "en": "Go to the network"}, _app_link(f"n/{network.id}"))


def request_rejected(requester: User, req: NetworkRequest) -> Letter:
    return _send(requester.email, requester.lang,
                 {"pl": f"Wniosek o sieć „{req.name}” nie został przyjęty",
                  "en": f"Your request for the network “{req.name}” was not accepted"},
                 {"pl": [f"Niestety poradnia nie utworzy sieci „{req.name}”.", f"Uzasadnienie: {req.reason}",
                         "Możesz dołączyć do jednej z istniejących sieci albo złożyć nowy wniosek."],
                  "en": [f"Unfortunately the Poradnia will not set up the network “{req.name}”.",
                         f"Reasons: {req.reason}",
                         "You can join one of the existing networks or make a new request."]},
                 {"pl": "Zobacz katalog sieci", "en": "See the list of networks"}, _app_link())


def invitation(email: str, inviter: User, network: Network, url: str, role: str, again: bool = False,
               lang: str = "pl") -> Letter:
    """``lang``: the invitee's, when she has an account; else Polish."""
    expert = role == "expert"
    pl_what = "do sieci" if expert else "do grona członków sieci"
    pl_whom = " jako eksperta (gościa na czas szkolenia)" if expert else ""
    en_as = " as an expert (a guest for the training)" if expert else ""
    en_to = "the network" if expert else "join the network"
    return _send(email, lang,
                 {"pl": f"Zaproszenie do sieci „{network.name}”",
                  "en": f"An invitation to the network “{network.name}”"},
                 {"pl": [f"{inviter.name} zaprasza Cię {pl_what} „{network.name}”{pl_whom} w Kręgu — platformie sieci "
                         "współpracy i samokształcenia poradni.",
                         "Link działa przez 14 dni. Jeśli nie masz jeszcze konta, założysz je jednym kliknięciem.",
                         *(["To zaproszenie zastępuje wcześniejsze: działa już tylko link z tej wiadomości."]
                           if again else [])],
                  "en": [f"{inviter.name} invites you to {en_to} “{network.name}”{en_as} "
                         "in Krąg — the Poradnia's platform for networks of collaboration and learning.",
                         "The link works for 14 days. If you do not have an account yet, you will create one "
                         "with a single click.",
                         *(["This invitation replaces the earlier one: only the link in this message works now."]
                           if again else [])]},
                 {"pl": "Przyjmij zaproszenie", "en": "Accept the invitation"}, url)


def join_requested(coordinator: User, member: User, network: Network, school: str | None, message: str | None) -> Letter:
    who = f"{member.name} ({school})" if school else member.name
    pl = [f"{who} prosi o przyjęcie do sieci „{network.name}”. Sieć ma nabór zamknięty: zdecyduj w Kręgu."]
    en = [f"{who} asks to join the network “{network.name}”. The network's membership is closed: decide in Krąg."]
    if message:
        pl.append(f"Wiadomość: {message}")
        en.append(f"Message: {message}")
    return _send(coordinator.email, coordinator.lang,
                 {"pl": f"{member.name} prosi o dołączenie do sieci „{network.name}”",
                  "en": f"{member.name} asks to join the network “{network.name}”"},
                 {"pl": pl, "en": en},
                 {"pl": "Rozpatrz prośbę", "en": "Decide on the request"}, _app_link(f"n/{network.id}/manage"))


def membership_decided(member: User, network: Network, approved: bool) -> Letter:
    if approved:
        return _send(member.email, member.lang,
                     {"pl": f"Witamy w sieci „{network.name}”", "en": f"Welcome to the network “{network.name}”"},
                     {"pl": [f"Koordynator przyjął Cię do sieci „{network.name}”."],
                      "en": [f"The coordinator has accepted you into the network “{network.name}”."]},
                     {"pl": "Przejdź do sieci", "en": "Go to the network"}, _app_link(f"n/{network.id}"))
    return _send(member.email, member.lang,
                 {"pl": f"Prośba o dołączenie do sieci „{network.name}”",
                  "en": f"Your request to join the network “{network.name}”"},
                 {"pl": [f"Niestety koordynator nie przyjął Twojej prośby o dołączenie do sieci „{network.name}”."],
                  "en": [f"Unfortunately the coordinator did not accept your request to join the network "
                         f"“{network.name}”."]},
                 {"pl": "Zobacz inne sieci", "en": "See other networks"}, _app_link())


def public_request_confirm(email: str, name: str, url: str, lang: str = "pl") -> Letter:
    """``lang``: the request's (server/mail.request_lang)."""
    return _send(email, lang,
                 {"pl": "Potwierdź adres e-mail — wniosek o sieć",
                  "en": "Confirm your e-mail address — network request"},
                 {"pl": ["Aby złożyć wniosek o utworzenie sieci, potwierdź swój adres e-mail. "
                         "Założymy wtedy Twoje konto w Kręgu.",
                         "Link działa przez 24 godziny. Jeśli to nie Ty składasz wniosek, zignoruj tę wiadomość."],
                  "en": ["To make your request for a new network, confirm your e-mail address. "
                         "We will then create your Krąg account.",
                         "The link works for 24 hours. If you did not make this request, ignore this message."]},
                 {"pl": "Potwierdź i wyślij wniosek", "en": "Confirm and send the request"}, url)
