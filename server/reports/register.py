"""What reports tell the engine: certificate rows on devices (hers, her network's coordinators',
admins') and the two mutations that write them."""
from __future__ import annotations

from sync import Registry

from server.db import iso
from server.reports import certificates, schemas
from server.reports.models import Certificate


def serialize_certificate(c: Certificate) -> dict:
    return {
        "id": c.id, "network_id": c.network_id, "user_id": c.user_id, "school_year": c.school_year,
        "number": c.number, "code": c.code, "hours": float(c.hours), "issued_at": iso(c.issued_at),
        "revoked_at": iso(c.revoked_at), "revoked_reason": c.revoked_reason,
    }


def register(registry: Registry) -> None:
    registry.row_type("certificate", serialize_certificate)
    registry.mutator("certificate.issue", schemas.CertificateIssue())(certificates.issue)
    registry.mutator("certificate.revoke", schemas.CertificateRevoke())(certificates.revoke)
