"""The audit log of security events: every kind is written in its action's transaction (a refused
action leaves none), names ids and a coarse address, never a secret; only the Poradnia's
administrators read it (GET /api/audit, a page at a time, by kind and person); `krag audit-prune`
deletes what is older than KRAG_AUDIT_DAYS."""
from __future__ import annotations

import json
import re
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from server.accounts import audit
from server.accounts.audit_models import AuditEvent
from server.db import utcnow
from server.extensions import db
from server.syncing.engine import engine
from tests.apiclient import ApiClient, krag_cli
from tests.integration import reports_helpers as h
from tests.integration.meetings_helpers import outcome
from tests.integration.passkey_authenticator import Authenticator
from tests.integration.passkey_steps import register, sign_in
from tests.integration.test_auth import mails

ANNA, JAN, EWA, ADMIN = ("anna.nowak@example.org", "jan.kowalski@example.org", "ewa.wisniewska@example.org",
                         "koordynator@example.org")


def events(**where) -> list[AuditEvent]:
    db.session.expire_all()
    query = select(AuditEvent).order_by(AuditEvent.id)
    for key, value in where.items():
        query = query.where(getattr(AuditEvent, key) == value)
    return list(db.session.scalars(query))


def _network(client, name: str) -> str:
    return next(n["id"] for n in client.rows("network").values() if n["name"] == name)


def test_every_security_event_is_written_with_who_whom_and_where(app, demo, as_user):
    anna, admin = as_user(ANNA), as_user(ADMIN)
    (signin,) = events(kind="signin.email_link", subject_id=anna.id)
    assert signin.actor_id == anna.id and signin.ip == "127.0.0.0/24" and signin.target_id

    phone = Authenticator()
    added = register(anna, phone).get_json()["passkey"]
    (row,) = events(kind="passkey.added")
    assert (row.actor_id, row.target_id) == (anna.id, added["id"])
    assert sign_in(app.test_client(), phone).status_code == 200
    assert events(kind="signin.passkey")[0].subject_id == anna.id
    assert outcome(anna, "passkey.rename", {"id": added["id"], "name": "Służbowy"}) == "applied"
    assert outcome(anna, "passkey.remove", {"id": added["id"]}) == "applied"
    assert [e.target_id for e in events(kind="passkey.renamed") + events(kind="passkey.removed")] == [added["id"]] * 2

    lost = ApiClient.signed_in(app, ANNA).http.get("/api/me").get_json()["session_id"]
    assert outcome(anna, "session.revoke", {"id": lost}) == "applied"
    assert events(kind="session.revoked")[0].target_id == lost
    assert outcome(anna, "session.revoke_others", {}) == "applied"
    assert events(kind="session.revoked_others")[0].actor_id == anna.id

    jan = as_user(JAN)
    assert outcome(admin, "staff.set", {"user_id": jan.id, "is_staff": True}) == "applied"
    (role,) = events(kind="staff.set")
    assert (role.actor_id, role.subject_id, role.details) == (admin.id, jan.id, {"is_staff": True, "is_admin": False})
    math = _network(admin, "Sieć matematyków")
    assert outcome(admin, "network.set_coordinator", {"network_id": math, "user_id": jan.id}) == "applied"
    (handed,) = events(kind="network.coordinator")
    assert (handed.subject_id, handed.network_id) == (jan.id, math)
    ewa = as_user(EWA)
    assert outcome(admin, "membership.remove", {"network_id": math, "user_id": ewa.id}) == "applied"
    (removed,) = events(kind="membership.removed")
    assert (removed.actor_id, removed.subject_id, removed.network_id) == (admin.id, ewa.id, math)

    assert outcome(admin, "signin_link.issue", {"user_id": anna.id}) == "applied"
    (issued,) = events(kind="signin_link.issued")
    assert (issued.actor_id, issued.subject_id) == (admin.id, anna.id)
    token = re.search(r"/auth/link/(\S+)", [m for m in mails(app) if m["To"] == ANNA][-1]
                      .get_body(preferencelist=("plain",)).get_content()).group(1)

    assert admin.post_json(f"/api/people/{anna.id}/export", {}).status_code == 200
    (exported,) = events(kind="account.exported")
    assert (exported.actor_id, exported.subject_id) == (admin.id, anna.id)

    invite = outcome(jan, "membership.invite", {"network_id": math, "email": "nowa@szkola.example"})
    letter = [m for m in mails(app) if m["To"] == "nowa@szkola.example"][-1]
    invited = re.search(r"/auth/invite/(\S+)", letter.get_body(preferencelist=("plain",)).get_content()).group(1)
    assert invite == "applied"
    accepted = app.test_client().post("/api/auth/invite", json={"token": invited, "name": "Nowa Osoba"})
    assert accepted.status_code == 200, accepted.get_json()
    assert events(kind="signin.invitation")

    assert outcome(ewa, "account.delete", {}) == "applied"
    (gone,) = events(kind="account.deleted")
    assert (gone.actor_id, gone.subject_id, gone.details) == (ewa.id, ewa.id, {"remove_posts": False})

    written = json.dumps([[e.kind, e.details, e.target_id, e.ip, e.device] for e in events()])
    assert token not in written and invited not in written and "@" not in written  # no secret, no address
    assert {e.kind for e in events()} >= set(audit.KINDS) - {"certificate.revoked"}


def test_a_revoked_certificate_is_logged(app, as_user):
    y = h.a_year(db.session)
    zaneta, staff = as_user(h.PEOPLE["zaneta"][0]), as_user(h.PEOPLE["staff"][0])
    assert outcome(zaneta, "certificate.issue", {"network_id": y.network_id, "year": y.start}) == "applied"
    (cert,) = zaneta.rows("certificate").values()
    assert outcome(staff, "certificate.revoke", {"id": cert["id"], "reason": "Pomyłka"}) == "applied"
    (row,) = events(kind="certificate.revoked")
    assert (row.actor_id, row.subject_id, row.network_id, row.target_id) == (staff.id, zaneta.id, y.network_id,
                                                                              cert["id"])


def test_a_refused_action_leaves_no_row(app, demo, as_user):
    anna, jan = as_user(ANNA), as_user(JAN)
    before = len(events())
    assert outcome(jan, "staff.set", {"user_id": anna.id, "is_staff": True}) == "forbidden"
    assert outcome(jan, "signin_link.issue", {"user_id": anna.id}) == "forbidden"
    assert outcome(jan, "session.revoke", {"id": str(uuid.uuid4())}) == "not_found"
    assert len(events()) == before


def test_only_admins_read_it_a_page_at_a_time(app, demo, as_user):
    anna, jan, admin = as_user(ANNA), as_user(JAN), as_user(ADMIN)
    assert app.test_client().get("/api/audit").status_code == 401
    assert anna.http.get("/api/audit").status_code == 403
    assert outcome(admin, "staff.set", {"user_id": jan.id, "is_staff": True}) == "applied"
    assert as_user(JAN).http.get("/api/audit").status_code == 403  # staff, not an admin
    first = admin.http.get("/api/audit?limit=2").get_json()
    assert len(first["events"]) == 2 and first["next"] and first["events"][0]["id"] > first["events"][1]["id"]
    second = admin.http.get(f"/api/audit?limit=2&before={first['next']}").get_json()
    assert second["events"][0]["id"] < first["events"][1]["id"]
    by_kind = admin.http.get("/api/audit?kind=staff.set").get_json()
    assert [e["subject_id"] for e in by_kind["events"]] == [jan.id]
    assert by_kind["people"] == {admin.id: "Małgorzata Lis", jan.id: "Jan Kowalski"}
    hers = admin.http.get(f"/api/audit?person={anna.id}").get_json()["events"]
    assert hers and all(anna.id in (e["actor_id"], e["subject_id"]) for e in hers)
    assert admin.http.get("/api/audit?kind=nope").status_code == 400
    assert admin.http.get("/api/audit?person=%00").status_code == 400
    assert admin.http.get("/api/audit").headers["Cache-Control"].startswith("no-store")


def test_rows_are_append_only_and_pruned_after_the_configured_days(app, demo, as_user):
    anna = as_user(ANNA)
    with engine.writing(db.session, anna.id) as ctx:
        audit.record(ctx, "session.revoked_others")
    old = events(kind="session.revoked_others")[0]
    old.at = utcnow()
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()
    db.session.execute(AuditEvent.__table__.update().where(AuditEvent.id == old.id)
                       .values(at=utcnow() - timedelta(days=400)))  # as if written 400 days ago
    db.session.commit()
    kept = db.session.scalar(select(func.count()).select_from(AuditEvent)) - 1
    assert "Usunięte wpisy dziennika: 1" in krag_cli(app, "audit-prune").output
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == kept
    app.config["AUDIT_DAYS"] = 0
    assert f"Usunięte wpisy dziennika: {kept}" in krag_cli(app, "audit-prune").output
