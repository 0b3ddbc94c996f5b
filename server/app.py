"""The application factory: a readable list of what Krąg is made of."""
from __future__ import annotations

import logging
import os

from flask import Flask

from server import bodies, compression, config, errors, ratelimits, security, serving
from server.accounts import auth
from server.extensions import db, socketio

# Socket handlers must be declared before the first init_app: Flask-SocketIO
# hands them to every server it makes from then on.
from server.syncing import events, packets  # noqa: E402,F401
from server.syncing.engine import engine  # noqa: E402


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(__name__, instance_path=os.environ.get("KRAG_INSTANCE_PATH") or None, static_folder=None)
    app.config.update(config.load(app.instance_path))
    app.config.update(overrides or {})
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  (Polish text stays readable)
    logging.basicConfig(level=logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)

    db.init_app(app)
    app.extensions["sync_engine"] = engine  # domains reach it by server.extensions.sync_engine()
    errors.init_app(app)
    bodies.init_app(app)  # how large and how deep a request body may be
    ratelimits.init_app(app)  # how often: by address, account and e-mail (Redis when there is one)
    auth.init_app(app)
    security.init_app(app)
    compression.init_app(app)  # JSON answers; the PWA's files come compressed from the build
    socketio.init_app(
        app,
        async_mode=serving.async_mode(),
        message_queue=app.config.get("REDIS_URL"),
        manage_session=False,  # the socket sees the signed cookie session as it was at connect
    )
    packets.install(socketio.server)  # a packet of unreadable JSON is answered, not a handler's traceback

    from server.accounts.audit_routes import bp as audit_bp
    from server.accounts.routes import bp as accounts_bp
    from server.docs.routes import bp as docs_bp
    from server.files.routes import bp as files_bp
    from server.forum.routes import bp as forum_bp
    from server.meetings.calendar_routes import bp as meetings_calendar_bp
    from server.networks.routes import bp as networks_bp
    from server.accounts.passkey_routes import bp as passkeys_bp
    from server.reports.minutes_routes import bp as minutes_bp
    from server.reports.routes import bp as reports_bp
    from server.reports.verify import bp as reports_verify_bp
    from server.openapi.routes import bp as openapi_bp
    from server.org.routes import bp as org_bp
    from server.privacy.routes import bp as privacy_bp
    from server.search.routes import bp as search_bp
    from server.surveys.routes import bp as surveys_bp
    from server.syncing.routes import bp as sync_bp
    from server.web import bp as web_bp

    app.register_blueprint(accounts_bp)
    app.register_blueprint(passkeys_bp)  # /api/auth/passkey/…
    app.register_blueprint(audit_bp)  # /api/audit: the audit log, for admins
    app.register_blueprint(sync_bp)
    app.register_blueprint(networks_bp)
    app.register_blueprint(org_bp)
    app.register_blueprint(forum_bp)
    app.register_blueprint(search_bp)
    app.register_blueprint(files_bp)
    app.register_blueprint(docs_bp)
    app.register_blueprint(surveys_bp)  # a survey's results
    app.register_blueprint(meetings_calendar_bp)  # /calendar/<token>.ics, /api/meetings/<id>.ics
    app.register_blueprint(reports_bp)  # the annual report, the summary, certificates
    app.register_blueprint(minutes_bp)  # /api/meetings/<id>/minutes: a meeting's minutes, PDF or DOCX
    app.register_blueprint(reports_verify_bp)  # /v/<code>: a certificate checked with no sign-in
    app.register_blueprint(privacy_bp)  # her data as a zip (RODO)
    app.register_blueprint(openapi_bp)  # /api/openapi.json: the HTTP API described
    app.register_blueprint(web_bp)  # last: its catch-all serves the app shell

    return app
