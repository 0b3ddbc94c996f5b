"""Sign-in mail through a real SMTP server, and the `krag` command."""
from __future__ import annotations

import re

from sqlalchemy import select

from server.extensions import db
from server.mailqueue.models import OutgoingMail
from tests.apiclient import krag_cli
from tests.smtp import free_port, smtp_server


def test_the_sign_in_link_travels_by_smtp(app, demo):
    with smtp_server() as (inbox, url):
        app.config["MAIL_URL"] = url
        http = app.test_client()
        assert http.post("/api/auth/email-link", json={"email": "jan.kowalski@example.org"}).status_code == 202
        (message,) = inbox.wait_for(1)
    assert message["To"] == "jan.kowalski@example.org"
    assert message.is_multipart() and message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert text.splitlines()[0] == "Dzień dobry," and "Dzień dobry," in html  # greeted neutrally, not by name
    path = re.search(r"http://127\.0\.0\.1:5000(/auth/link/\S+)", text).group(1)
    assert http.post("/api/auth/link", json={"token": path.rsplit("/", 1)[1]}).status_code == 200
    assert http.get("/api/me").get_json()["user"]["name"] == "Jan Kowalski"


def test_a_sign_in_letter_waits_in_the_queue_while_the_mail_server_is_down(app, demo):
    app.config["MAIL_URL"] = f"smtp://127.0.0.1:{free_port()}"  # nothing listens there
    http = app.test_client()
    assert http.post("/api/auth/email-link", json={"email": "jan.kowalski@example.org"}).status_code == 202
    waiting = db.session.scalars(select(OutgoingMail).where(OutgoingMail.sent_at.is_(None))).one()
    assert waiting.to == "jan.kowalski@example.org" and waiting.attempts == 1 and waiting.last_error
    with smtp_server() as (inbox, url):
        app.config["MAIL_URL"] = url
        assert krag_cli(app, "mail-deliver").output.strip() == "Wysłano: 1"  # the queue's later try (cron)
        (message,) = inbox.wait_for(1)
    assert message["To"] == "jan.kowalski@example.org" and message["Subject"] == "Link do logowania w Kręgu"
    text = message.get_body(preferencelist=("plain",)).get_content()
    token = re.search(r"/auth/link/([\w-]+)", text).group(1)
    assert http.post("/api/auth/link", json={"token": token}).status_code == 200  # the late letter still works


def test_cli_adds_people_seeds_once_and_prints_sign_in_links(app):
    assert "Dodano" in krag_cli(app, "seed-demo").output
    assert "już są" in krag_cli(app, "seed-demo").output
    added = krag_cli(app, "user", "add", "Nowa.Osoba@example.org", "--name", "Nowa Osoba", "--staff")
    assert added.exit_code == 0
    again = krag_cli(app, "user", "add", "nowa.osoba@example.org", "--name", "Ktoś")
    assert again.exit_code == 1 and "już ma konto" in again.output

    link = krag_cli(app, "login-link", "nowa.osoba@example.org").output.strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:5000/auth/link/[\w-]{40,}", link)
    http = app.test_client()
    http.post("/api/auth/link", json={"token": link.rsplit("/", 1)[1]})
    me = http.get("/api/me").get_json()["user"]
    assert me["email"] == "nowa.osoba@example.org" and me["is_staff"] is True
    assert krag_cli(app, "login-link", "nikt@example.org").exit_code == 1
