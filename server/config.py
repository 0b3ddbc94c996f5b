"""Configuration from the environment, with safe defaults for one machine."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from server.ratelimits import SETTINGS

REPO_ROOT = Path(__file__).resolve().parent.parent


def load(instance_path: str) -> dict:
    instance = Path(instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    # Links in letters and `krag login-link` point where `make run` serves: PORT unless told otherwise.
    session_days = int(os.environ.get("KRAG_SESSION_DAYS") or 30)
    base_url = (os.environ.get("KRAG_BASE_URL") or f"http://127.0.0.1:{os.environ.get('PORT') or 5000}").rstrip("/")
    return {
        "DATABASE_URL": os.environ.get("KRAG_DATABASE_URL") or f"sqlite:///{instance / 'krag.db'}",
        "SECRET_KEY": os.environ.get("KRAG_SECRET_KEY") or _instance_secret(instance),
        "BASE_URL": base_url,
        "MAIL_URL": os.environ.get("KRAG_MAIL_URL") or None,
        "MAIL_DIR": str(instance / "mail"),
        "MAIL_FROM": os.environ.get("KRAG_MAIL_FROM", "Krąg <krag@localhost>"),
        # Replies to notifications come back to reply-…@this domain (see `krag mail-in`).
        "MAIL_REPLY_DOMAIN": os.environ.get("KRAG_MAIL_REPLY_DOMAIN") or None,
        "REDIS_URL": os.environ.get("KRAG_REDIS_URL") or None,
        # Rate-limit counts in a shared Redis are named under this prefix (one per installation).
        "RATELIMIT_KEY_PREFIX": os.environ.get("KRAG_RATELIMIT_PREFIX") or "krag",
        # Proxies in front (nginx: 1) whose X-Forwarded-For tells the client's address to rate limits.
        "TRUSTED_PROXIES": int(os.environ.get("KRAG_TRUSTED_PROXIES") or 0),
        "PWA_DIST": os.environ.get("KRAG_PWA_DIST") or str(REPO_ROOT / "pwa" / "dist"),
        # Uploaded files, by SHA-256; shared by every server process (one disk or a network mount).
        "FILES_DIR": os.environ.get("KRAG_FILES_DIR") or str(instance / "files"),
        "FILE_MAX_BYTES": int(float(os.environ.get("KRAG_FILE_MAX_MB") or 20) * 1024 * 1024),
        # Request bodies (server/bodies.py): small JSON; a push, a week of replies; a file, FILE_MAX_BYTES.
        "JSON_MAX_BYTES": 1024 * 1024,
        "PUSH_MAX_BYTES": 10 * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": base_url.startswith("https://"),
        "SESSION_COOKIE_NAME": "krag_session",
        # A session ends after this many days without use (accounts/sessions.py); the cookie lasts as long.
        "SESSION_DAYS": session_days,
        "PERMANENT_SESSION_LIFETIME": session_days * 24 * 3600,
        # No Set-Cookie on every answer: the term is renewed once a day (accounts/auth.py).
        "SESSION_REFRESH_EACH_REQUEST": False,
        "LOGIN_LINK_MINUTES": 15,
        # The audit log of security events keeps this many days (`krag audit-prune`, from cron).
        "AUDIT_DAYS": int(os.environ.get("KRAG_AUDIT_DAYS") or 365),
    } | rate_limits()


def rate_limits() -> dict:
    """KRAG_RATE_<NAME> ("300 per minute", "5 per 15 minutes"): a rate limit of server/ratelimits.py
    changed; unset, its default there (README's table lists them)."""
    return {f"RATE_{s.name}": os.environ[f"KRAG_RATE_{s.name}"] for s in SETTINGS if os.environ.get(f"KRAG_RATE_{s.name}")}


def _instance_secret(instance: Path) -> str:
    """Generate the secret key once and keep it beside the database, never in the repo."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
