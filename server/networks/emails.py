"""The letters networks send, in Polish."""
from __future__ import annotations

from flask import current_app

from server.accounts.models import User
from server.mail import GREETING, Letter, letter
from server.networks.models import Network, NetworkRequest

KIND_NAMES = {"subject": "przedmiotowa", "problem": "problemowa"}


def _app_link(fragment: str = "") -> str:
    return f"{current_app.config['BASE_URL']}/#/{fragment}"


def request_received(requester: User, req: NetworkRequest) -> Letter:
    return letter(
        requester.email,
        f"Otrzymaliśmy wniosek o sieć „{req.name}”",
        GREETING,
        [
            f"Dziękujemy za wniosek o utworzenie sieci „{req.name}” ({KIND_NAMES[req.kind]}, {req.topic}).",
            "Pracownicy poradni rozpatrzą go i odpowiemy e-mailem.",
        ],
        ("Zobacz wniosek w Kręgu", _app_link("requests")),
    )


def request_for_staff(staff: User, requester: User, req: NetworkRequest) -> Letter:
    return letter(
        staff.email,
        f"Nowy wniosek o sieć: {req.name}",
        GREETING,
        [f"{requester.name} prosi o utworzenie sieci „{req.name}”.", f"Uzasadnienie: {req.justification}"],
        ("Otwórz kolejkę wniosków", _app_link("staff/queue")),
    )


def request_approved(requester: User, req: NetworkRequest, network: Network, coordinator: User) -> Letter:
    return letter(
        requester.email,
        f"Sieć „{network.name}” została utworzona",
        GREETING,
        [
            f"Poradnia przyjęła Twój wniosek. Sieć „{network.name}” już działa, a Ty jesteś jej członkiem.",
            f"Koordynatorem sieci jest {coordinator.name}.",
        ],
        ("Przejdź do sieci", _app_link(f"n/{network.id}")),
    )


def coordination_given(coordinator: User, network: Network) -> Letter:
    return letter(
        coordinator.email,
        f"Koordynujesz sieć „{network.name}”",
        GREETING,
        [f"Powierzono Ci koordynację sieci „{network.name}”."],
        ("Przejdź do sieci", _app_link(f"n/{network.id}")),
    )


def request_rejected(requester: User, req: NetworkRequest) -> Letter:
    return letter(
        requester.email,
        f"Wniosek o sieć „{req.name}” nie został przyjęty",
        GREETING,
        [
            f"Niestety poradnia nie utworzy sieci „{req.name}”.",
            f"Uzasadnienie: {req.reason}",
            "Możesz dołączyć do jednej z istniejących sieci albo złożyć nowy wniosek.",
        ],
        ("Zobacz katalog sieci", _app_link()),
    )


def invitation(email: str, inviter: User, network: Network, url: str, role: str, again: bool = False) -> Letter:
    as_what = "do sieci" if role == "expert" else "do grona członków sieci"
    as_whom = " jako eksperta (gościa na czas szkolenia)" if role == "expert" else ""
    return letter(
        email,
        f"Zaproszenie do sieci „{network.name}”",
        GREETING,
        [
            f"{inviter.name} zaprasza Cię {as_what} „{network.name}”{as_whom} w Kręgu — platformie sieci "
            "współpracy i samokształcenia poradni.",
            "Link działa przez 14 dni. Jeśli nie masz jeszcze konta, założysz je jednym kliknięciem.",
            *(["To zaproszenie zastępuje wcześniejsze: działa już tylko link z tej wiadomości."] if again else []),
        ],
        ("Przyjmij zaproszenie", url),
    )


def join_requested(coordinator: User, member: User, network: Network, school: str | None, message: str | None) -> Letter:
    who = f"{member.name} ({school})" if school else member.name
    lines = [f"{who} prosi o przyjęcie do sieci „{network.name}”. Sieć ma nabór zamknięty: zdecyduj w Kręgu."]
    if message:
        lines.append(f"Wiadomość: {message}")
    return letter(
        coordinator.email,
        f"{member.name} prosi o dołączenie do sieci „{network.name}”",
        GREETING,
        lines,
        ("Rozpatrz prośbę", _app_link(f"n/{network.id}/manage")),
    )


def membership_decided(member: User, network: Network, approved: bool) -> Letter:
    if approved:
        return letter(
            member.email,
            f"Witamy w sieci „{network.name}”",
            GREETING,
            [f"Koordynator przyjął Cię do sieci „{network.name}”."],
            ("Przejdź do sieci", _app_link(f"n/{network.id}")),
        )
    return letter(
        member.email,
        f"Prośba o dołączenie do sieci „{network.name}”",
        GREETING,
        [f"Niestety koordynator nie przyjął Twojej prośby o dołączenie do sieci „{network.name}”."],
        ("Zobacz inne sieci", _app_link()),
    )


def public_request_confirm(email: str, name: str, url: str) -> Letter:
    return letter(
        email,
        "Potwierdź adres e-mail — wniosek o sieć",
        GREETING,
        [
            "Aby złożyć wniosek o utworzenie sieci, potwierdź swój adres e-mail. Założymy wtedy Twoje konto w Kręgu.",
            "Link działa przez 24 godziny. Jeśli to nie Ty składasz wniosek, zignoruj tę wiadomość.",
        ],
        ("Potwierdź i wyślij wniosek", url),
    )
