"""Passkey ceremonies as the PWA runs them, with the software authenticator."""
from __future__ import annotations

from tests.integration.passkey_authenticator import Authenticator


def register(client, device: Authenticator, name: str | None = "Telefon"):
    """Her signed-in device adds a passkey; the verify answer."""
    options = client.post_json("/api/auth/passkey/register/options", {}).get_json()
    return client.post_json("/api/auth/passkey/register/verify",
                            {"credential": device.create(options), "name": name})


def login_options(http) -> dict:
    answer = http.post("/api/auth/passkey/login/options", json={})
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()


def sign_in(http, device: Authenticator, **kwargs):
    """A signed-out browser signs in with the device's passkey; the verify answer."""
    return http.post("/api/auth/passkey/login/verify",
                     json={"credential": device.get(login_options(http), **kwargs)})
