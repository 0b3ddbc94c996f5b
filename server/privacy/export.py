"""Everything Krąg holds about one person, as a zip: `dane.json` (her profile, memberships,
posts and their earlier versions, good practices, reactions, attachments, answers to meetings,
attendance, named survey answers, certificates, notifications and their settings, what she
read and starred, requests for networks, invitations to her address, sessions, passkeys' names,
the audit log's events about her) and `pliki/`, the files she uploaded.

Rows take the shape the app's own rows have (docs/sync-protocol.md), with the names of the
networks, meetings and surveys they refer to. Nothing of anyone else: other people appear only
as ids in rows of hers (who marked her attendance), never by name or address. No secret either:
no key, token or link (her calendar feed is said to exist, its address is not given).
Anonymous survey answers are not here: nothing ties them to her, by design."""
from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path
from typing import IO, Any, Callable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from server.accounts.audit_models import AuditEvent
from server.accounts.models import User, UserSession
from server.accounts.passkey_models import Passkey
from server.db import iso, utcnow
from server.files import names, store
from server.files.models import Attachment, FileUpload, StoredFile
from server.forum.models import Post, PostRevision, Reaction, Thread, ThreadState
from server.library.models import Resource
from server.meetings.models import Attendance, Meeting, Rsvp
from server.networks.models import Invitation, Membership, Network, NetworkRequest
from server.notifications.models import Notification, NotificationPref
from server.org.models import School
from server.reports.models import Certificate
from server.surveys.models import Survey, SurveyResponse

Serializers = dict[str, Callable[[Any], dict]]


def gather(session: Session, serializers: Serializers, user: User) -> dict:
    """Her data as one JSON-ready dict (the zip's `dane.json`)."""
    uid = user.id
    row = lambda type_, obj: serializers[type_](obj)  # noqa: E731
    mine = lambda model, *where: session.scalars(select(model).where(*where)).all()  # noqa: E731

    memberships = mine(Membership, Membership.user_id == uid)
    posts = mine(Post, Post.author_id == uid)
    attendance = mine(Attendance, Attendance.user_id == uid)
    rsvps = mine(Rsvp, Rsvp.user_id == uid)
    responses = session.scalars(select(SurveyResponse).join(Survey, Survey.id == SurveyResponse.survey_id)
                                .where(SurveyResponse.user_id == uid, Survey.anonymous.is_(False))).all()
    meetings = _by_id(session, Meeting, {a.meeting_id for a in attendance} | {r.meeting_id for r in rsvps})
    surveys = _by_id(session, Survey, {r.survey_id for r in responses})
    networks = _by_id(session, Network, {m.network_id for m in memberships} | {p.network_id for p in posts})
    school = session.get(School, user.school_id) if user.school_id else None
    return {
        "exported_at": iso(utcnow()),
        "profile": {
            "id": uid, "email": user.email, "name": user.name, "function": user.function,
            "form_of_address": user.form_of_address, "subjects": user.subjects or [],
            "school": {"id": school.id, "name": school.name, "town": school.town} if school else None,
            "is_staff": user.is_staff, "is_admin": user.is_admin, "share_email": user.share_email,
            "calendar_feed": user.calendar_token is not None, "created_at": iso(user.created_at),
        },
        "networks": {n.id: {"name": n.name, "school_year": n.school_year} for n in networks.values()},
        "memberships": [row("membership", m) | {"message": m.message} for m in memberships],
        "network_requests": [row("network_request", r) for r in mine(NetworkRequest, NetworkRequest.requester_id == uid)],
        "invitations": [row("invitation", i) for i in mine(Invitation, Invitation.email == user.email)],
        "threads_started": [{"id": t.id, "network_id": t.network_id, "title": t.title, "created_at": iso(t.created_at)}
                            for t in mine(Thread, Thread.author_id == uid)],
        "posts": [row("post", p) | {"deleted_at": iso(p.deleted_at)} for p in posts],
        "post_revisions": [row("post_revision", r) for r in session.scalars(
            select(PostRevision).join(Post, Post.id == PostRevision.post_id).where(Post.author_id == uid))],
        "reactions": [row("reaction", r) for r in mine(Reaction, Reaction.user_id == uid)],
        "good_practices": [row("resource", r) | {"deleted_at": iso(r.deleted_at)}
                           for r in mine(Resource, Resource.author_id == uid)],
        "attachments": [row("attachment", a) | {"deleted_at": iso(a.deleted_at)}
                        for a in mine(Attachment, Attachment.author_id == uid)],
        "meetings": {m.id: {"title": m.title, "network_id": m.network_id, "starts_at": iso(m.starts_at),
                            "ends_at": iso(m.ends_at)} for m in meetings.values()},
        "meeting_answers": [row("rsvp", r) for r in rsvps],
        "attendance": [row("attendance", a) for a in attendance],
        "survey_answers": [{"survey_id": r.survey_id, "survey": surveys[r.survey_id].title,
                            "questions": surveys[r.survey_id].questions, "answers": r.answers, "at": iso(r.at)}
                           for r in responses],
        "certificates": [row("certificate", c) | {"name": c.name, "school": c.school, "network": c.network_name,
                                                  "meetings": c.meetings}
                         for c in mine(Certificate, Certificate.user_id == uid)],
        "notifications": [row("notification", n) for n in mine(Notification, Notification.user_id == uid)],
        "notification_settings": [row("notification_pref", p)
                                  for p in mine(NotificationPref, NotificationPref.user_id == uid)],
        "threads_read": [row("thread_state", s) for s in mine(ThreadState, ThreadState.user_id == uid)],
        "sessions": [{"id": s.id, "device": s.device, "address": s.ip, "created_at": iso(s.created_at),
                      "last_seen_at": iso(s.last_seen_at), "ended_at": iso(s.revoked_at)}
                     for s in mine(UserSession, UserSession.user_id == uid)],
        "passkeys": [{"id": p.id, "name": p.name, "created_at": iso(p.created_at), "last_used_at": iso(p.last_used_at)}
                     for p in mine(Passkey, Passkey.user_id == uid)],
        "security_events": [{"at": iso(e.at), "kind": e.kind, "by_her": e.actor_id == uid,
                             "address": e.ip, "device": e.device}
                            for e in session.scalars(select(AuditEvent).where(
                                or_(AuditEvent.actor_id == uid, AuditEvent.subject_id == uid))
                                .order_by(AuditEvent.id))],
        "files": [f"pliki/{name}" for name, _sha in _files(session, uid)],
    }


def _by_id(session: Session, model, ids: set[str]) -> dict:
    return {o.id: o for o in session.scalars(select(model).where(model.id.in_(ids)))} if ids else {}


def _files(session: Session, user_id: str) -> list[tuple[str, str]]:
    """(name in the zip, sha256) of every file she uploaded: named as she attached it, else by hash."""
    uploaded = session.scalars(select(FileUpload.sha256).where(FileUpload.user_id == user_id)).all()
    attached = dict(session.execute(select(Attachment.sha256, Attachment.name)
                                    .where(Attachment.author_id == user_id)).all())
    out, taken = [], set()
    for sha in sorted(set(uploaded) | set(attached)):
        name = names.clean(attached.get(sha) or sha)
        if name in taken:
            name = f"{sha[:8]}-{name}"
        taken.add(name)
        out.append((name, sha))
    return out


def zipped(session: Session, serializers: Serializers, user: User, files_dir: Path) -> IO[bytes]:
    """The zip, in a temporary file (memory up to 16 MB, then disk): her files can be large."""
    data = gather(session, serializers, user)
    out = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("dane.json", json.dumps(data, ensure_ascii=False, indent=2))
        for name, sha in _files(session, user.id):
            source = store.path(files_dir, sha)
            if session.get(StoredFile, sha) is not None and source.is_file():
                archive.write(source, f"pliki/{name}", compress_type=zipfile.ZIP_STORED)  # photos, PDFs: packed already
    out.seek(0)
    return out
