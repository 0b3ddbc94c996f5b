"""Headers every response carries: the app runs only its own code, in no one's frame, over
HTTPS once it is served so. (Files add their own sandbox: server/files/routes.py.)"""
from __future__ import annotations

import functools
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request

# A year: a browser that has seen Krąg over HTTPS never tries plain HTTP for it again. Not its
# subdomains: the Poradnia's other sites under the same domain are not ours to decide for.
HSTS = "max-age=31536000"


@functools.lru_cache(maxsize=8)
def csp(base_url: str) -> str:
    """The app's own scripts and styles only (none inline: pwa/src/index.html loads its bundle);
    the live channel to this server alone ('self' covers WebSockets only in newer browsers)."""
    address = urlsplit(base_url)
    socket = ("wss://" if address.scheme == "https" else "ws://") + address.netloc
    return "; ".join(
        [
            "default-src 'self'",
            f"connect-src 'self' {socket}",
            "img-src 'self' data: blob:",
            "style-src 'self'",
            "script-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def _harden(response: Response) -> Response:
    base_url = current_app.config["BASE_URL"]
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("Content-Security-Policy", csp(base_url))
    response.headers.setdefault("X-Frame-Options", "DENY")  # frame-ancestors, for browsers before CSP 2
    if base_url.startswith("https://"):
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    if request.path.startswith("/api/"):
        # Answers carry her data and the CSRF token: on a shared school computer no copy may stay
        # in the browser's cache or a proxy's. The app keeps its data in IndexedDB, not the HTTP
        # cache. Files set their own (private, revalidated by ETag).
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def init_app(app: Flask) -> None:
    app.after_request(_harden)
