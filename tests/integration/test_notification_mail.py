"""Notifications by e-mail — at once or in a digest — and replies by e-mail, through real SMTP."""
from __future__ import annotations

import smtplib
from email.message import EmailMessage

import pytest

from server.extensions import db
from server.mailqueue.services import deliver_pending
from server.notifications.email import queue_digests
from tests.integration.forum_helpers import MATH, first_outcome, network_id, new_thread, reply


def send(port: int, sender: str, to: str, body: str, subtype: str = "plain") -> None:
    """A reply from a mail program (``subtype="html"``: one that sends HTML only)."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, "Re: Kółko matematyczne"
    message.set_content(body, subtype=subtype)
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
        refused = smtp.send_message(message)
    assert not refused, refused


def test_at_once_then_answered_by_email(app, demo, as_user, inbox, mail_in):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    math = network_id(MATH)
    assert jan.push(("notification_pref.set", {"network_id": math, "email": "immediate"})).get_json()["results"][0]["status"] == "applied"
    name, args = new_thread(math, "Kółko matematyczne", "Kto poprowadzi **kółko** w tym roku?")
    anna.push((name, args))

    letter = inbox.about("jan.kowalski@example.org", "Kółko matematyczne")
    assert letter["Subject"] == f"Kółko matematyczne — {MATH}"
    reply_to = letter["Reply-To"]
    assert reply_to.startswith("reply-") and reply_to.endswith("@odpowiedzi.poradnia.example")
    assert "<strong>kółko</strong>" in letter.get_body(preferencelist=("html",)).get_content()
    assert "Kto poprowadzi **kółko**" in letter.get_body(preferencelist=("plain",)).get_content()

    send(mail_in, "Jan Kowalski <Jan.Kowalski@example.org>", reply_to,
         "Ja mogę!\nW czwartki po lekcjach.\n\n-- \nJan Kowalski\nSP Stara Wieś\n\n"
         "W dniu 25.11.2026 o 10:00, Krąg pisze:\n> Kto poprowadzi kółko?\n")
    posts = [p for p in anna.rows("post").values() if p["thread_id"] == args["id"]]
    answer = next(p for p in posts if p["author_id"] == jan.id)
    assert answer["body"] == "Ja mogę!\nW czwartki po lekcjach."


def test_a_reply_from_someone_else_is_refused(app, demo, as_user, inbox, mail_in):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    jan.push(("notification_pref.set", {"network_id": network_id(MATH), "email": "immediate"}))
    name, args = new_thread(network_id(MATH), "Próbny egzamin")
    anna.push((name, args))
    reply_to = inbox.about("jan.kowalski@example.org", "Próbny egzamin")["Reply-To"]
    with pytest.raises(smtplib.SMTPDataError) as refused:
        send(mail_in, "ktos.obcy@example.org", reply_to, "Podszywam się")
    assert refused.value.smtp_code == 550
    local, domain = reply_to.split("@")
    forged = f"{local[:-1]}{'0' if local[-1] != '0' else '1'}@{domain}"  # signature off by one digit
    with pytest.raises(smtplib.SMTPDataError):
        send(mail_in, "jan.kowalski@example.org", forged, "Podrobiony podpis")
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        send(mail_in, "jan.kowalski@example.org", "nieznany@odpowiedzi.poradnia.example", "x")
    assert [p["author_id"] for p in anna.rows("post").values() if p["thread_id"] == args["id"]] == [anna.id]


def test_daily_digest_gathers_everything_once(app, demo, as_user, inbox):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    name, args = new_thread(network_id(MATH), "Olimpiada matematyczna")
    anna.push((name, args))
    jan.push(reply(args["id"], "Zgłaszam dwóch uczniów"))
    anna.push(reply(args["id"], "Super!"), reply(args["id"], "Termin: 12 grudnia"))
    assert inbox.messages == []  # daily is the default: nothing at once

    assert queue_digests(db.session, "daily") >= 2
    deliver_pending(db.session)
    (digest,) = inbox.to("jan.kowalski@example.org")
    text = digest.get_body(preferencelist=("plain",)).get_content()
    assert digest["Subject"].startswith("Krąg: co nowego dzisiaj")
    assert "Anna Nowak: odpowiedź w wątku „Olimpiada matematyczna” ×2" in text
    assert queue_digests(db.session, "daily") == 0  # each notification is told once


def test_an_html_reply_by_email_keeps_its_ampersands(app, demo, as_user, inbox, mail_in):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    math = network_id(MATH)
    assert first_outcome(jan.push(("notification_pref.set", {"network_id": math, "email": "immediate"}))) == "applied"
    name, args = new_thread(math, "Koło naukowe", "Kto chce prowadzić koło?")
    anna.push((name, args))
    reply_to = inbox.about("jan.kowalski@example.org", "Koło naukowe")["Reply-To"]

    send(mail_in, "jan.kowalski@example.org", reply_to,
         "<html><body><p>Fizyka &amp; chemia: 5 &gt; 3, &quot;razem&quot;</p><p>W czwartki.</p></body></html>",
         subtype="html")
    answer = next(p for p in anna.rows("post").values() if p["thread_id"] == args["id"] and p["author_id"] == jan.id)
    assert answer["body"] == 'Fizyka & chemia: 5 > 3, "razem"\nW czwartki.'


def test_who_left_a_network_cannot_choose_its_emails(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    math = network_id(MATH)
    assert first_outcome(anna.push(("notification_pref.set", {"network_id": math, "email": "weekly"}))) == "applied"
    assert first_outcome(anna.push(("membership.leave", {"network_id": math}))) == "applied"
    refused = anna.push(("notification_pref.set", {"network_id": math, "email": "immediate"})).get_json()["results"][0]
    assert refused["status"] == "rejected"
    assert refused["error"]["code"] == "forbidden"
    assert refused["error"]["message"] == "Możesz ustawić powiadomienia tylko dla swoich sieci."
