"""Letters speak the recipient's language: her profile's `lang` (profile.update), Polish by
default; a letter to an address with no account, the language its request came in. Read from
a real SMTP server (aiosmtpd), on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from server import migrate
from server.db import make_engine
from server.extensions import db
from server.mailqueue.services import deliver_pending
from server.notifications.email import queue_digests
from tests.databases import fresh_postgres
from tests.integration.forum_helpers import MATH, first_outcome, network_id, new_thread, reply
from tests.integration.test_thread_counts_migration import fresh_sqlite

ANNA, JAN = "anna.nowak@example.org", "jan.kowalski@example.org"


def bodies(message) -> tuple[str, str]:
    return (message.get_body(preferencelist=("plain",)).get_content(),
            message.get_body(preferencelist=("html",)).get_content())


def english(anna) -> None:
    assert first_outcome(anna.push(("profile.update", {"lang": "en"}))) == "applied"


def test_the_sign_in_link_comes_in_her_language(app, demo, as_user, inbox):
    english(as_user(ANNA))
    http = app.test_client()
    for address in (ANNA, JAN):
        assert http.post("/api/auth/email-link", json={"email": address}).status_code == 202

    (hers,) = inbox.to(ANNA)
    text_, html = bodies(hers)
    assert hers["Subject"] == "Your Krąg sign-in link"
    assert text_.splitlines()[0] == "Hello,"
    assert "To sign in to Krąg, open the link below. It works once, for 15 minutes." in text_
    assert "Sign in to Krąg: http://127.0.0.1:5000/auth/link/" in text_
    assert text_.rstrip().endswith("Krąg — networks for collaboration and learning")
    assert html.startswith('<!doctype html><html lang="en">') and ">Sign in to Krąg</a>" in html
    assert "Dzień dobry" not in text_ + html and "Kręgu" not in text_ + html

    (his,) = inbox.to(JAN)  # Polish: the default, unchanged
    text_, html = bodies(his)
    assert his["Subject"] == "Link do logowania w Kręgu"
    assert text_.splitlines()[0] == "Dzień dobry,"
    assert "Aby zalogować się do Kręgu, otwórz poniższy link. Działa jeden raz przez 15 minut." in text_
    assert text_.rstrip().endswith("Krąg — sieci współpracy i samokształcenia")
    assert html.startswith('<!doctype html><html lang="pl">') and ">Zaloguj się do Kręgu</a>" in html


def test_the_poradnias_sign_in_link_in_her_language(app, demo, as_user, inbox):
    anna = as_user(ANNA)
    english(anna)
    assert first_outcome(as_user("koordynator@example.org").push(("signin_link.issue", {"user_id": anna.id}))) \
        == "applied"
    (letter,) = inbox.to(ANNA)
    text_, html = bodies(letter)
    assert letter["Subject"] == "A Krąg sign-in link from the Poradnia"
    assert "As you asked, Małgorzata Lis from the Poradnia is sending you a link to sign in to Krąg." in text_
    assert "It works once, for 24 hours." in text_ and '<html lang="en">' in html


def test_a_notification_at_once_in_her_language(app, demo, as_user, inbox):
    anna, jan = as_user(ANNA), as_user(JAN)
    english(jan)
    math = network_id(MATH)
    assert first_outcome(jan.push(("notification_pref.set", {"network_id": math, "email": "immediate"}))) == "applied"
    name, args = new_thread(math, "Kółko matematyczne", "Kto poprowadzi **kółko** w tym roku?")
    anna.push((name, args))

    letter = inbox.about(JAN, "Kółko matematyczne")
    text_, html = bodies(letter)
    assert letter["Subject"] == f"Kółko matematyczne — {MATH}"  # the thread's and the network's names
    assert text_.splitlines()[0] == "Hello,"
    assert f"Anna Nowak started a new thread “Kółko matematyczne” in the network “{MATH}”." in text_
    assert "You can reply to this e-mail — your reply will go to the thread." in text_
    assert "Open the thread: http://127.0.0.1:5000/#/t/" in text_
    assert '<html lang="en">' in html and "<strong>kółko</strong>" in html


def test_a_digest_in_each_recipients_language(app, demo, as_user, inbox):
    anna, jan = as_user(ANNA), as_user(JAN)
    english(jan)
    name, args = new_thread(network_id(MATH), "Olimpiada matematyczna")
    anna.push((name, args))
    jan.push(reply(args["id"], "Zgłaszam dwóch uczniów"))
    anna.push(reply(args["id"], "Super!"), reply(args["id"], "Termin: 12 grudnia"))

    assert queue_digests(db.session, "daily") >= 2
    deliver_pending(db.session)
    (his,) = inbox.to(JAN)
    text_, html = bodies(his)
    assert his["Subject"].startswith("Krąg: what's new today (")
    assert "Here is what happened in your networks today:" in text_
    assert "• Anna Nowak: a reply in the thread “Olimpiada matematyczna” ×2" in text_
    assert "Open Krąg: http://127.0.0.1:5000/" in text_ and '<html lang="en">' in html

    (hers,) = inbox.to(ANNA)  # she kept Polish
    text_, html = bodies(hers)
    assert hers["Subject"].startswith("Krąg: co nowego dzisiaj (")
    assert "Oto, co wydarzyło się dzisiaj w Twoich sieciach:" in text_
    assert "• Jan Kowalski: odpowiedź w wątku „Olimpiada matematyczna”" in text_
    assert '<html lang="pl">' in html


def test_only_polish_or_english(app, demo, as_user):
    anna = as_user(ANNA)
    assert anna.rows("user")[anna.id]["lang"] == "pl"  # the default
    result = anna.push(("profile.update", {"lang": "de"})).get_json()["results"][0]
    assert result["status"] == "rejected" and result["error"]["code"] == "invalid"
    assert result["error"]["fields"] == {"lang": ["Wybierz jedną z dostępnych możliwości."]}
    english(anna)
    assert anna.rows("user")[anna.id]["lang"] == "en"
    assert anna.http.get("/api/me").get_json()["user"]["lang"] == "en"


@pytest.mark.parametrize("headers, field, expected", [
    ({"Accept-Language": "en-GB,en;q=0.9"}, None, "en"),
    ({"Accept-Language": "en-GB,en;q=0.9"}, "pl", "pl"),  # the app's language, sent as a field, comes first
    ({}, "en", "en"),
    ({"Accept-Language": "de-DE,de;q=0.9"}, None, "pl"),  # none of ours: Polish
    ({}, None, "pl"),
])
def test_a_letter_to_an_address_with_no_account_speaks_the_requests_language(app, demo, inbox, headers, field,
                                                                              expected):
    from tests.integration.test_links import new_request

    form = {"email": "zofia@wola.example", "name": "Zofia Dyrektor", "function": "director",
            "request": {k: v for k, v in new_request().items() if k != "id"}} | ({"lang": field} if field else {})
    http = app.test_client()
    assert http.post("/api/public/network-requests", json=form, headers=headers).status_code == 202
    (letter,) = inbox.to("zofia@wola.example")
    text_, html = bodies(letter)
    assert f'<html lang="{expected}">' in html
    if expected == "en":
        assert letter["Subject"] == "Confirm your e-mail address — network request"
        assert "To make your request for a new network, confirm your e-mail address." in text_
    else:
        assert letter["Subject"] == "Potwierdź adres e-mail — wniosek o sieć"
        assert "Aby złożyć wniosek o utworzenie sieci, potwierdź swój adres e-mail." in text_


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_the_language_column_comes_and_goes(backend, tmp_path):
    """Migration 0022: everyone already there reads Polish."""
    with (fresh_sqlite(tmp_path) if backend == "sqlite" else fresh_postgres()) as url:
        command.upgrade(migrate.alembic_config(url), "0021")
        engine = make_engine(url)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO user_account (id, email, name, function, subjects, is_staff, is_admin, "
                              "share_email, created_at) VALUES ('u1', 'a@b.example', 'Ala Kot', 'teacher', '[]', "
                              "false, false, false, CURRENT_TIMESTAMP)"))
        command.upgrade(migrate.alembic_config(url), "0022")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT lang FROM user_account")).scalar() == "pl"
        engine.dispose()
        command.downgrade(migrate.alembic_config(url), "0021")
        engine = make_engine(url)
        assert "lang" not in {c["name"] for c in inspect(engine).get_columns("user_account")}
        engine.dispose()


def test_meeting_letters_in_each_recipients_language(app, demo, as_user, inbox):
    from datetime import timedelta

    from tests.apiclient import krag_cli
    from tests.integration.meetings_helpers import now, outcome, planned, stamp

    boss = as_user("koordynator@example.org")
    english(as_user(ANNA))
    starts = now() + timedelta(hours=20)
    meeting_id = planned(boss.id, network_id(MATH), starts, title="Geometria")
    assert krag_cli(app, "meetings-remind").output.strip().startswith("Przypomnienia: ")
    reminder = inbox.about(ANNA, "Reminder: Geometria — tomorrow, ")
    text_, html = bodies(reminder)
    assert "A reminder: the meeting “Geometria” (Sieć matematyków) is tomorrow." in text_
    assert "Let us know in Krąg whether you are coming." in text_ and '<html lang="en">' in html
    assert "When: " in text_ and any(day in text_ for day in ("Monday", "Tuesday", "Wednesday", "Thursday",
                                                               "Friday", "Saturday", "Sunday"))
    assert inbox.about(JAN, "Przypomnienie: Geometria — jutro, ")  # Polish for him

    moved = starts + timedelta(days=1)
    assert outcome(boss, "meeting.update", {"id": meeting_id, "starts_at": stamp(moved),
                                            "ends_at": stamp(moved + timedelta(hours=2))}) == "applied"
    changed = inbox.about(ANNA, "Changed: Geometria — Sieć matematyków")
    text_, _html = bodies(changed)
    assert "The time of the meeting “Geometria” (Sieć matematyków) has changed." in text_
    assert "New time: " in text_ and "(before: " in text_
    assert inbox.about(JAN, "Zmiana: Geometria — Sieć matematyków")
    assert outcome(boss, "meeting.cancel", {"id": meeting_id}) == "applied"
    cancelled = inbox.about(ANNA, "Cancelled: Geometria — Sieć matematyków")
    assert "has been cancelled." in bodies(cancelled)[0]
