"""Passkey ceremonies with py_webauthn: options with a single-use, expiring challenge, then
verification. Registration adds a passkey to the signed-in person; sign-in finds whose passkey
answered (discoverable credentials: she picks her account on the device, types nothing).

The relying party is the address in KRAG_BASE_URL: its host is the RP id, its origin the only
origin accepted. A passkey made for one address works only there (browsers require https,
except on localhost).
"""
from __future__ import annotations

import base64
import json
import logging
import re
import secrets
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

import webauthn
from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sync import SyncEngine
from webauthn.helpers import bytes_to_base64url, options_to_json
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (AuthenticatorSelectionCriteria, PublicKeyCredentialDescriptor,
                                      ResidentKeyRequirement, UserVerificationRequirement)

from server.accounts import audit, passkey_rows
from server.accounts.models import User
from server.accounts.passkey_models import Passkey, WebauthnChallenge
from server.db import utcnow
from server.errors import ApiError

log = logging.getLogger("krag.security")  # security events (sign-ins, passkey changes), one logger

RP_NAME = "Krąg"
CHALLENGE_MINUTES = 5  # the browser's own timeout is shorter (TIMEOUT_MS); a slow fingerprint still fits
TIMEOUT_MS = 180_000
REFUSED = "Nie udało się potwierdzić klucza dostępu. Spróbuj ponownie albo zaloguj się linkiem z e-maila."
EXPIRED = "Minęło zbyt dużo czasu albo ta próba została już użyta. Spróbuj ponownie."
# base64url as a browser sends it: anything else (a NUL PostgreSQL refuses, 5 MB) names no challenge or key.
_B64URL = re.compile(r"[A-Za-z0-9_-]{1,1400}")
UNKNOWN = "Ten klucz dostępu nie jest już zapisany w Kręgu. Zaloguj się linkiem z e-maila i dodaj nowy klucz."


def relying_party() -> tuple[str, str]:
    """(RP id, origin) from KRAG_BASE_URL."""
    parts = urlsplit(current_app.config["BASE_URL"])
    return parts.hostname or "localhost", f"{parts.scheme}://{parts.netloc}"


def user_handle(user_id: str) -> bytes:
    """What her passkey keeps of her account: the id's 16 bytes, never her address."""
    return uuid.UUID(user_id).bytes


def _challenge(session: Session, purpose: str, user_id: str | None) -> bytes:
    session.execute(delete(WebauthnChallenge).where(WebauthnChallenge.expires_at <= utcnow()))  # old ones go
    raw = secrets.token_bytes(32)  # the spec asks for 16 at least
    session.add(WebauthnChallenge(challenge=bytes_to_base64url(raw), purpose=purpose, user_id=user_id,
                                  expires_at=utcnow() + timedelta(minutes=CHALLENGE_MINUTES)))
    session.commit()
    return raw


def _use_challenge(session: Session, credential: dict, purpose: str) -> tuple[bytes, str | None]:
    """The challenge the browser signed, used up in one DELETE (two answers racing: one wins);
    (its bytes, whose registration it was)."""
    try:
        client_data = json.loads(_b64(credential["response"]["clientDataJSON"]))
        sent = client_data["challenge"]
        if not isinstance(sent, str) or not _B64URL.fullmatch(sent):
            raise ValueError("no challenge")
    except (KeyError, TypeError, ValueError, RecursionError):
        raise ApiError(400, "passkey_refused", REFUSED) from None
    row = session.execute(
        delete(WebauthnChallenge)
        .where(WebauthnChallenge.challenge == sent, WebauthnChallenge.purpose == purpose,
               WebauthnChallenge.expires_at > utcnow())
        .returning(WebauthnChallenge.user_id)
    ).first()
    session.commit()
    if row is None:
        raise ApiError(400, "challenge_expired", EXPIRED)
    return _b64(sent), row.user_id


def _b64(text) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def registration_options(session: Session, user: User) -> dict:
    rp_id, _origin = relying_party()
    held = session.scalars(select(Passkey.credential_id).where(Passkey.user_id == user.id)).all()
    options = webauthn.generate_registration_options(
        rp_id=rp_id, rp_name=RP_NAME, user_id=user_handle(user.id), user_name=user.email,
        user_display_name=user.name, challenge=_challenge(session, "register", user.id), timeout=TIMEOUT_MS,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED, require_resident_key=True,
            user_verification=UserVerificationRequirement.PREFERRED),
        exclude_credentials=[PublicKeyCredentialDescriptor(id=_b64(c)) for c in held],  # no second key on one device
    )
    return json.loads(options_to_json(options))


def register(session: Session, engine: SyncEngine, user_id: str, credential: dict, name: str | None) -> Passkey:
    """Verify a new passkey's attestation and keep it; her devices get its row."""
    challenge, for_user = _use_challenge(session, credential, "register")
    if for_user != user_id:
        raise ApiError(400, "challenge_expired", EXPIRED)
    rp_id, origin = relying_party()
    try:
        verified = webauthn.verify_registration_response(
            credential=credential, expected_challenge=challenge, expected_rp_id=rp_id, expected_origin=origin)
    except (WebAuthnException, KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        log.info("passkey registration refused for %s: %s", user_id, exc)
        raise ApiError(400, "passkey_refused", REFUSED) from None
    credential_id = bytes_to_base64url(verified.credential_id)
    if session.scalar(select(Passkey.id).where(Passkey.credential_id == credential_id)):
        raise ApiError(409, "conflict", "Ten klucz dostępu jest już zapisany.")
    transports = credential["response"].get("transports")
    transports = transports if isinstance(transports, list) else []
    passkey = Passkey(user_id=user_id, credential_id=credential_id, public_key=verified.credential_public_key,
                      sign_count=verified.sign_count, name=(name or "").strip()[:60] or "Klucz dostępu",
                      transports=[t for t in transports if isinstance(t, str)][:8])
    with engine.writing(session, user_id) as ctx:
        ctx.add(passkey)
        passkey_rows.publish(ctx, passkey)
        audit.record(ctx, "passkey.added", target_id=passkey.id)
    return passkey


def login_options(session: Session) -> dict:
    """For anyone: no account named, no credentials listed (the device offers her passkeys)."""
    rp_id, _origin = relying_party()
    options = webauthn.generate_authentication_options(
        rp_id=rp_id, challenge=_challenge(session, "login", None), timeout=TIMEOUT_MS,
        user_verification=UserVerificationRequirement.PREFERRED)
    return json.loads(options_to_json(options))


def login(session: Session, engine: SyncEngine, credential: dict) -> str:
    """Verify an assertion; whose passkey it was. A sign counter that did not go up (a copied
    key) is refused by py_webauthn, per the spec: counters of 0 on both sides are authenticators
    that keep none."""
    challenge, _ = _use_challenge(session, credential, "login")
    raw_id = credential.get("rawId")
    passkey = session.scalars(select(Passkey).where(Passkey.credential_id == raw_id)).first() \
        if isinstance(raw_id, str) and _B64URL.fullmatch(raw_id) else None
    if passkey is None or not _handle_matches(credential, passkey.user_id):
        raise ApiError(400, "passkey_unknown", UNKNOWN)
    rp_id, origin = relying_party()
    try:
        verified = webauthn.verify_authentication_response(
            credential=credential, expected_challenge=challenge, expected_rp_id=rp_id, expected_origin=origin,
            credential_public_key=passkey.public_key, credential_current_sign_count=passkey.sign_count)
    except (WebAuthnException, KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        log.warning("passkey %s of user %s refused at sign-in: %s", passkey.id, passkey.user_id, exc)
        raise ApiError(400, "passkey_refused", REFUSED) from None
    with engine.writing(session, passkey.user_id) as ctx:
        passkey.sign_count, passkey.last_used_at = verified.new_sign_count, utcnow()
        passkey_rows.publish(ctx, passkey)
    return passkey.user_id


def _handle_matches(credential: dict, user_id: str) -> bool:
    """The authenticator names the account it signed for: it must be the passkey's owner's."""
    handle = (credential.get("response") or {}).get("userHandle")
    if not handle:
        return True  # optional in an assertion; the credential id already names her
    try:
        return _b64(handle) == user_handle(user_id)
    except ValueError:
        return False
