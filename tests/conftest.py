"""Fixtures shared by every test: databases on both backends, the app, signed-in clients."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from server import migrate
from server.app import create_app
from server.db import make_engine
from server.extensions import db
from server.models import metadata
from tests.apiclient import ApiClient
from tests.databases import fresh_postgres
from tests.smtp import free_port, smtp_server


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'krag.db'}"
    migrate.upgrade(url)
    return url


@pytest.fixture(scope="session")
def postgres_url():
    with fresh_postgres() as url:
        migrate.upgrade(url)
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def database_url(request):
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    _empty(url)
    return url


def _empty(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{table.name}"'))
        if engine.dialect.name == "sqlite":
            conn.execute(text("DELETE FROM search_fts"))  # FTS5: not a table SQLAlchemy maps
    engine.dispose()


def make_app(database_url: str, tmp_path):
    """The app as every test gets it, on ``database_url``, its files and mail under ``tmp_path``."""
    dist = tmp_path / "dist"
    dist.mkdir(exist_ok=True)
    (dist / "index.html").write_text("<!doctype html><title>Krąg</title>")
    return create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret",
            "BASE_URL": "http://127.0.0.1:5000",
            "MAIL_URL": None,
            "MAIL_DIR": str(tmp_path / "mail"),
            "PWA_DIST": str(dist),
            "FILES_DIR": str(tmp_path / "files"),
            "BACKGROUND_INLINE": True,
        }
    )


@pytest.fixture
def app(database_url, tmp_path):
    app = make_app(database_url, tmp_path)
    with app.app_context():
        yield app
    db.session.remove()
    db.engine.dispose()


@pytest.fixture
def demo(app):
    """The demo data, as `krag seed-demo` makes it."""
    from server import demo as demo_data

    demo_data.seed(db.session)
    return demo_data


@pytest.fixture
def as_user(app):
    """``as_user(email)`` → an :class:`ApiClient` signed in as that person."""

    def sign_in(email: str) -> ApiClient:
        return ApiClient.signed_in(app, email)

    return sign_in


@pytest.fixture
def inbox(app):
    """A real SMTP server on loopback receiving the app's letters."""
    with smtp_server() as (box, url):
        app.config["MAIL_URL"] = url
        app.config["MAIL_REPLY_DOMAIN"] = "odpowiedzi.poradnia.example"
        yield box


@pytest.fixture
def mail_in(app):
    """Krąg's inbound SMTP server, as `krag mail-in` runs it; its port."""
    from aiosmtpd.controller import Controller

    from server.notifications.mailin import ReplyHandler

    port = free_port()
    controller = Controller(ReplyHandler(app), hostname="127.0.0.1", port=port)
    controller.start()
    yield port
    controller.stop()
