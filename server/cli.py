"""The `krag` command: serve, migrate, seed, manage people, print a sign-in link."""
from __future__ import annotations

import os

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from server.extensions import db, socketio


def _create_app(*_args) -> Flask:
    from server.app import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, add_default_commands=False)
def main() -> None:
    """Krąg — sieci współpracy i samokształcenia."""


from server.rules_export import rules_command  # noqa: E402 (after main, which it joins)

main.add_command(rules_command)


@main.command("run")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=lambda: int(os.environ.get("PORT", 5000)), type=int, show_default="5000 or $PORT")
@with_appcontext
def run_command(host: str, port: int) -> None:
    """Serve Krąg (HTTP and the live channel)."""
    # Started from a Flask CLI command, socketio.run would otherwise return at once.
    os.environ.pop("FLASK_RUN_FROM_CLI", None)
    click.echo(f"Krąg: http://{host}:{port}")
    socketio.start_background_task(db.checkpoint_forever, socketio.sleep)
    socketio.run(current_app, host=host, port=port, allow_unsafe_werkzeug=True, use_reloader=False)


@main.group("db")
def db_group() -> None:
    """Database schema."""


@db_group.command("upgrade")
@with_appcontext
def db_upgrade() -> None:
    """Apply every Alembic migration not yet applied."""
    from server import migrate

    migrate.upgrade(current_app.config["DATABASE_URL"])
    click.echo("Baza danych jest aktualna.")


@main.command("seed-demo")
@with_appcontext
def seed_demo() -> None:
    """Add the demo Poradnia, people, networks and forum (only once)."""
    from server import demo

    click.echo("Dodano dane demonstracyjne." if demo.seed(db.session) else "Dane demonstracyjne już są.")


@main.command("mail-deliver")
@with_appcontext
def mail_deliver() -> None:
    """Send queued e-mail now (also retries letters that failed); handy from cron."""
    from server.mailqueue.services import deliver_pending

    click.echo(f"Wysłano: {deliver_pending(db.session)}")


@main.command("mail-in")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=2525, type=int, show_default=True)
@with_appcontext
def mail_in(host: str, port: int) -> None:
    """Receive replies to notifications by SMTP and post them in their threads."""
    import threading

    from aiosmtpd.controller import Controller

    from server.notifications.mailin import ReplyHandler

    controller = Controller(ReplyHandler(current_app._get_current_object()), hostname=host, port=port)
    controller.start()
    click.echo(f"Krąg: odpowiedzi e-mailem na {host}:{port}")
    threading.Event().wait()


@main.command("digest")
@click.argument("mode", type=click.Choice(["daily", "weekly"]))
@with_appcontext
def digest(mode: str) -> None:
    """Send the daily or weekly digest (run it from cron)."""
    from server.mailqueue.services import deliver_pending
    from server.notifications.email import queue_digests

    people = queue_digests(db.session, mode)
    deliver_pending(db.session)
    click.echo(f"Podsumowania: {people}")


@main.command("meetings-remind")
@with_appcontext
def meetings_remind() -> None:
    """E-mail a reminder of each meeting the day before, once (run it hourly from cron)."""
    from server.mailqueue.services import deliver_pending
    from server.meetings.reminders import remind

    letters = remind(db.session)
    deliver_pending(db.session)
    click.echo(f"Przypomnienia: {letters}")


@main.command("search-reindex")
@with_appcontext
def search_reindex() -> None:
    """Index every thread, post and good practice again (after restoring a backup, say)."""
    from server.search.rebuild import rebuild

    click.echo(f"Zaindeksowano: {rebuild(db.session)}")


@main.group("user")
def user_group() -> None:
    """People: `krag user add` makes an account (the first administrator too)."""


@user_group.command("add")
@click.argument("email")
@click.option("--name", required=True, help="Her first name and surname.")
@click.option("--staff", is_flag=True, help="A Poradnia employee: the request queue, the staff list.")
@click.option("--admin", is_flag=True, help="A Poradnia administrator (also staff): staff, schools, the Poradnia.")
@with_appcontext
def user_add(email: str, name: str, staff: bool, admin: bool) -> None:
    """Add a person; every device that should hold her gets her row. Prints her id."""
    from marshmallow import ValidationError

    from server.accounts import adding, services
    from server.db import new_id
    from server.syncing.engine import engine

    try:
        args = adding.person_in.load({"email": email, "name": name, "is_staff": staff, "is_admin": admin})
    except ValidationError as exc:
        raise click.ClickException("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.messages.items()))
    if services.find_user_by_email(db.session, args["email"]):
        raise click.ClickException(f"{args['email']} już ma konto.")
    with engine.writing(db.session, new_id()) as ctx:  # she acts herself: nobody else exists yet
        user = adding.add(ctx, args)
    click.echo(user.id)


@main.command("login-link")
@click.argument("email")
@with_appcontext
def login_link(email: str) -> None:
    """Print a one-time sign-in URL (valid for 15 minutes)."""
    from server.accounts import services
    from server.accounts.signin import login_url

    user = services.find_user_by_email(db.session, email)
    if user is None:
        raise click.ClickException(f"Nie ma konta {email}.")
    token = services.issue_login_token(db.session, user, current_app.config["LOGIN_LINK_MINUTES"])
    db.session.commit()
    click.echo(login_url(token))


@main.command("audit-prune")
@click.option("--days", type=int, default=None, help="Keep this many days (default: KRAG_AUDIT_DAYS, 365).")
@with_appcontext
def audit_prune(days: int | None) -> None:
    """Delete audit-log rows older than KRAG_AUDIT_DAYS (run it daily from cron)."""
    from server.accounts.audit import prune

    click.echo(f"Usunięte wpisy dziennika: {prune(db.session, days)}")


@main.command("files-cleanup")
@with_appcontext
def files_cleanup() -> None:
    """Delete uploaded files never attached for a week, and unfinished uploads (run it from cron)."""
    from pathlib import Path

    from server.files.cleanup import forget_unattached

    click.echo(f"Usunięte pliki: {forget_unattached(db.session, Path(current_app.config['FILES_DIR']))}")
