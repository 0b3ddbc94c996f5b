"""A software authenticator for tests: an EC P-256 key per credential, attestation "none",
assertions signed by hand, as a phone would answer a WebAuthn ceremony (JSON as
@simplewebauthn/browser sends it)."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from dataclasses import dataclass, field

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

UP, UV, AT = 0x01, 0x04, 0x40


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Credential:
    id: bytes
    key: ec.EllipticCurvePrivateKey
    user_handle: bytes
    counter: int = 0


@dataclass
class Authenticator:
    origin: str = "http://127.0.0.1:5000"
    rp_id: str = "127.0.0.1"
    counts: bool = True  # False: an authenticator that keeps no counter (always 0)
    credentials: list[Credential] = field(default_factory=list)

    def _client_data(self, kind: str, challenge: str, origin: str | None) -> bytes:
        return json.dumps({"type": kind, "challenge": challenge, "origin": origin or self.origin,
                           "crossOrigin": False}).encode()

    def _auth_data(self, flags: int, counter: int, attested: bytes = b"", rp_id: str | None = None) -> bytes:
        return hashlib.sha256((rp_id or self.rp_id).encode()).digest() + bytes([flags]) + struct.pack(">I", counter) \
            + attested

    def create(self, options: dict, origin: str | None = None) -> dict:
        """navigator.credentials.create() for these options: a new resident credential."""
        numbers = (key := ec.generate_private_key(ec.SECP256R1())).public_key().public_numbers()
        cred = Credential(os.urandom(32), key, unb64(options["user"]["id"]))
        self.credentials.append(cred)
        cose = cbor2.dumps({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})
        attested = bytes(16) + struct.pack(">H", len(cred.id)) + cred.id + cose
        auth_data = self._auth_data(UP | UV | AT, 0, attested, options["rp"]["id"])
        client_data = self._client_data("webauthn.create", options["challenge"], origin)
        return {"id": b64(cred.id), "rawId": b64(cred.id), "type": "public-key", "clientExtensionResults": {},
                "response": {"clientDataJSON": b64(client_data), "transports": ["internal"],
                             "attestationObject": b64(cbor2.dumps({"fmt": "none", "attStmt": {},
                                                                   "authData": auth_data}))}}

    def get(self, options: dict, cred: Credential | None = None, counter: int | None = None,
            origin: str | None = None) -> dict:
        """navigator.credentials.get(): her newest credential signs the challenge."""
        cred = cred or self.credentials[-1]
        if counter is None:
            cred.counter += 1 if self.counts else 0
            counter = cred.counter
        auth_data = self._auth_data(UP | UV, counter, rp_id=options["rpId"])
        client_data = self._client_data("webauthn.get", options["challenge"], origin)
        signature = cred.key.sign(auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256()))
        return {"id": b64(cred.id), "rawId": b64(cred.id), "type": "public-key", "clientExtensionResults": {},
                "response": {"clientDataJSON": b64(client_data), "authenticatorData": b64(auth_data),
                             "signature": b64(signature), "userHandle": b64(cred.user_handle)}}
