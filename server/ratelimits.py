"""Rate limits of requests (flask-limiter): by the address a request comes from and by the account
or e-mail it is for, on sign-in and on what sends letters; a ceiling on push, search and upload.

Counted in Redis when KRAG_REDIS_URL is set, so every server process shares the counts, in memory
otherwise (one process). Past a limit: 429 in the one error shape, in Polish, with Retry-After.
Limits inside a push (how many network requests a day) are the mutators' own rules.
"""
from __future__ import annotations

from flask import Flask, current_app, request
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from limits import parse_many
from werkzeug.middleware.proxy_fix import ProxyFix

from server.errors import respond


class Setting(str):
    """A limit the KRAG_RATE_<NAME> setting changes (server/config.py, README): its default as text,
    which tests and the README read; called (as flask-limiter calls a limit it can), the app's value."""

    def __new__(cls, name: str, default: str) -> "Setting":
        setting = super().__new__(cls, default)
        setting.name = name
        return setting

    def __call__(self) -> str:
        return current_app.config.get(f"RATE_{self.name}") or str(self)


# Sign-in letters for one address (the inbox's owner may not have asked), and from one address
# (a school's teachers share one behind its router: room for all of them on a Monday morning).
SIGN_IN_LETTERS = Setting("SIGN_IN_LETTERS", "5 per 15 minutes")
SIGN_IN_FROM_ADDRESS = Setting("SIGN_IN_FROM_ADDRESS", "30 per 15 minutes")
# The public request form mails the address typed into it.
REQUEST_LETTERS = Setting("REQUEST_LETTERS", "3 per day")
REQUEST_FROM_ADDRESS = Setting("REQUEST_FROM_ADDRESS", "10 per hour")
# Tokens from letters (sign-in, invitations, confirmations) are too long to guess; this stops trying.
LINKS_FROM_ADDRESS = Setting("LINKS_FROM_ADDRESS", "60 per 15 minutes")
# Passkey ceremonies (options, then the answer: two requests a try), a school's teachers behind one router.
PASSKEYS_FROM_ADDRESS = Setting("PASSKEYS_FROM_ADDRESS", "60 per 15 minutes")
# A device pushes after each change and a week's outbox in batches of 1,000; searching is typing;
# a 20 MB file goes in 40 pieces.
PUSHES = Setting("PUSHES", "300 per minute")
SEARCHES = Setting("SEARCHES", "120 per minute")
UPLOADS = Setting("UPLOADS", "600 per hour")
SETTINGS = (SIGN_IN_LETTERS, SIGN_IN_FROM_ADDRESS, REQUEST_LETTERS, REQUEST_FROM_ADDRESS, LINKS_FROM_ADDRESS,
            PASSKEYS_FROM_ADDRESS, PUSHES, SEARCHES, UPLOADS)

TOO_MANY = "Za dużo żądań naraz. Spróbuj ponownie za chwilę."
SIGN_IN_TOO_MANY = ("Prośba o link na ten adres przyszła już kilka razy. Sprawdź skrzynkę (także folder spam) "
                    "albo spróbuj ponownie za kwadrans.")
FROM_HERE_TOO_MANY = "Z tego miejsca przyszło ostatnio bardzo dużo takich próśb. Spróbuj ponownie później."
REQUEST_TOO_MANY = "Na ten adres wysłaliśmy już dziś kilka potwierdzeń wniosku. Sprawdź skrzynkę albo spróbuj jutro."


def by_address() -> str:
    return f"address:{request.remote_addr or '-'}"


# By account: server.accounts.auth.by_account (who is signed in is hers to know).


def by_email() -> str:
    """The e-mail address the body asks to write to, as the account would store it."""
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    return f"email:{email.strip().lower()}" if isinstance(email, str) and email.strip() else by_address()


def accepted(response) -> bool:
    """Letters for an address count only when one went out (202): a form refused for a typo does not."""
    return response.status_code == 202


limiter = Limiter(by_address, headers_enabled=True, strategy="moving-window",  # prefix: RATELIMIT_KEY_PREFIX
                  in_memory_fallback_enabled=True)  # Redis gone: count here rather than refuse everyone
# Every route that takes a token from a letter, counted together.
links = limiter.shared_limit(LINKS_FROM_ADDRESS, scope="links", error_message=FROM_HERE_TOO_MANY)


def _too_many(exc: RateLimitExceeded):
    message = exc.limit.error_message if isinstance(exc.limit.error_message, str) else TOO_MANY
    return respond(429, "rate_limited", message)


def behind(wsgi_app, proxies: int):
    """The client's address from X-Forwarded-For, as many hops back as proxies we run (none: as
    the connection says, so no one names a new address per request to escape the limits)."""
    return ProxyFix(wsgi_app, x_for=proxies) if proxies else wsgi_app


def _check(app: Flask) -> None:
    """A setting flask-limiter cannot read would fail every request it guards: refuse to start."""
    for setting in SETTINGS:
        value = app.config.get(f"RATE_{setting.name}")
        try:
            if value:
                parse_many(value)
        except ValueError:
            raise ValueError(f"KRAG_RATE_{setting.name}={value!r} is not a rate limit (e.g. {str(setting)!r})") from None


def init_app(app: Flask) -> None:
    _check(app)
    app.wsgi_app = behind(app.wsgi_app, app.config.get("TRUSTED_PROXIES", 0))  # type: ignore[method-assign]
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    limiter.init_app(app)
    app.register_error_handler(RateLimitExceeded, _too_many)
