"""Every cell of docs/roles.md, checked against the server."""
from __future__ import annotations

import secrets
import uuid
from pathlib import Path

import pytest

from server.extensions import db
from server.syncing.engine import engine
from tests.integration import world as worlds
from tests.integration.files_helpers import attached_by, pdf, put, sha
from tests.integration.calendar_roles import ACTIONS as CALENDAR
from tests.integration.sessions_roles import ACTIONS as SESSIONS
from tests.integration.docs_roles import ACTIONS as DOCS
from tests.integration.meetings_roles import ACTIONS as MEETINGS
from tests.integration.passkeys_roles import ACTIONS as PASSKEYS
from tests.integration.privacy_roles import ACTIONS as PRIVACY
from tests.integration.plans_roles import ACTIONS as PLANS
from tests.integration.surveys_roles import ACTIONS as SURVEYS
from tests.integration.reports_roles import ACTIONS as REPORTS
from tests.integration.reading_roles import ACTIONS as READING
from tests.integration.roles_world import SignedOut, Unauthorized, build_template, copy_of

ROLES_DOC = Path(__file__).resolve().parents[2] / "docs" / "roles.md"


def table() -> list[tuple[str, str, str]]:
    """(action, role, expected) for every cell of the two tables in docs/roles.md: the roles in one
    network (7 columns), then the people no longer in it and the signed-out visitor (5 columns)."""
    cells = []
    columns = {7: worlds.ROLES, 5: worlds.LATER}
    for line in ROLES_DOC.read_text().splitlines():
        parts = [p.strip() for p in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(parts) not in columns or parts[0] in ("action", "---"):
            continue
        for role, mark in zip(columns[len(parts)], parts[1:]):
            cells.append((parts[0], role, mark))
    return cells


def _push(client, name, args) -> str:
    result = client.push((name, args)).get_json()["results"][0]
    return "applied" if result["status"] == "applied" else result["error"]["code"]


def _threads(client, w) -> str:
    return "applied" if w.thread_id in client.rows("thread") else "forbidden"


def _http(response) -> str:
    return {200: "applied", 403: "forbidden", 404: "forbidden"}.get(response.status_code, str(response.status_code))


NEW = lambda: str(uuid.uuid4())  # noqa: E731
ACTIONS = {
    "`network_request.create`": lambda c, w, r: _push(c, "network_request.create", {
        "id": NEW(), "name": "Sieć bibliotekarzy", "kind": "subject", "topic": "biblioteka",
        "justification": "Chcemy wymieniać się pomysłami.", "recruitment": "open", "expected_members": 10}),
    "`network_request.approve`": lambda c, w, r: _push(c, "network_request.approve", {
        "id": w.request_id, "coordinator_id": w.users["coordinator"]}),
    "`network_request.reject`": lambda c, w, r: _push(c, "network_request.reject", {
        "id": w.request_id, "reason": "Taka sieć już działa."}),
    "`network_request.confirm` (her own, sent with no account)": lambda c, w, r: _push(
        c, "network_request.confirm", {"token": _public_request(w.emails[r])}),
    "`network_request.confirm` (someone else's)": lambda c, w, r: _push(
        c, "network_request.confirm", {"token": _public_request("nowa@szkola.example")}),
    "`network.update`": lambda c, w, r: _push(c, "network.update", {"id": w.network_id, "capacity": 30}),
    "`network.set_coordinator`": lambda c, w, r: _push(c, "network.set_coordinator", {
        "network_id": w.network_id, "user_id": w.users["staff"]}),
    "`network.archive`": lambda c, w, r: _push(c, "network.archive", {"network_id": w.network_id}),
    "`network.continue`": lambda c, w, r: _push(c, "network.continue", {"network_id": w.network_id, "id": NEW()}),
    "`membership.join`": lambda c, w, r: _push(c, "membership.join", {"network_id": w.network_id}),
    "`membership.approve`": lambda c, w, r: _push(c, "membership.approve", {
        "network_id": w.network_id, "user_id": w.pending_id}),
    "`membership.decline`": lambda c, w, r: _push(c, "membership.decline", {
        "network_id": w.network_id, "user_id": w.pending_id}),
    "`membership.invite`": lambda c, w, r: _push(c, "membership.invite", {
        "network_id": w.network_id, "email": "nowa@szkola.example"}),
    "`membership.remove`": lambda c, w, r: _push(c, "membership.remove", {
        "network_id": w.network_id, "user_id": w.users["member" if r != "member" else "expert"]}),
    "`membership.leave`": lambda c, w, r: _push(c, "membership.leave", {"network_id": w.network_id}),
    "`invitation.accept` (addressed to her)": lambda c, w, r: _push(c, "invitation.accept", {
        "token": _invitation(w, w.emails[r])}),
    "`invitation.accept` (addressed to someone else)": lambda c, w, r: _push(c, "invitation.accept", {
        "token": _invitation(w, "nowa@szkola.example")}),
    "`thread.create`": lambda c, w, r: _push(c, "thread.create", {
        "id": NEW(), "network_id": w.network_id, "title": "Pytanie", "body": "Treść"}),
    "`post.create`": lambda c, w, r: _push(c, "post.create", {"id": NEW(), "thread_id": w.thread_id, "body": "Tak"}),
    "`post.update` (own post)": lambda c, w, r: _push(c, "post.update", {
        "id": w.posts.get(r, NEW()), "body": "Poprawione"}),
    "`post.update` (someone else's)": lambda c, w, r: _push(c, "post.update", {
        "id": w.posts["member" if r != "member" else "coordinator"], "body": "Cudze"}),
    "`post.delete` (own post)": lambda c, w, r: _push(c, "post.delete", {"id": w.posts.get(r, NEW())}),
    "`post.delete` (someone else's)": lambda c, w, r: _push(c, "post.delete", {
        "id": w.posts["member" if r != "member" else "coordinator"]}),
    "`post.react` (someone else's post)": lambda c, w, r: _push(c, "post.react", {
        "post_id": w.posts["member" if r != "member" else "coordinator"], "helpful": True}),
    "`thread.update` (a member's thread)": lambda c, w, r: _push(c, "thread.update", {"id": w.thread_id, "title": "Nowy"}),
    "`thread.pin`": lambda c, w, r: _push(c, "thread.pin", {"id": w.thread_id, "value": True}),
    "`thread.lock`": lambda c, w, r: _push(c, "thread.lock", {"id": w.thread_id, "value": True}),
    "`thread.state` (read, star)": lambda c, w, r: _push(c, "thread.state", {"thread_id": w.thread_id, "starred": True}),
    "`category.create`": lambda c, w, r: _push(c, "category.create", {
        "id": NEW(), "network_id": w.network_id, "name": "Egzamin ósmoklasisty"}),
    "`category.update`": lambda c, w, r: _push(c, "category.update", {"id": _a_category(w), "name": "Komunikaty"}),
    "`category.delete`": lambda c, w, r: _push(c, "category.delete", {"id": _a_category(w)}),
    "`notification.read` (her own)": lambda c, w, r: _read(c, _notification_for(w, r)),
    "`notification.read` (someone else's)": lambda c, w, r: _read(c, _notification_for(w, _other(r))),
    "`notification_pref.set` (for this network)": lambda c, w, r: _push(c, "notification_pref.set", {
        "network_id": w.network_id, "email": "weekly"}),
    "read the network's forum (pull)": lambda c, w, r: _threads(c, w),
    "export the network": lambda c, w, r: _http(c.http.get(f"/api/networks/{w.network_id}/export")),
    "`school.create`": lambda c, w, r: _push(c, "school.create", {
        "id": NEW(), "name": "Szkoła Podstawowa w Dydni", "town": "Dydnia", "kind": "szkoła podstawowa"}),
    "`school.update`": lambda c, w, r: _push(c, "school.update", {"id": _a_school(), "town": "Brzozów"}),
    "`poradnia.update`": lambda c, w, r: _push(c, "poradnia.update", {"address": "ul. Nowa 1, 36-200 Brzozów"}),
    "`staff.set`": lambda c, w, r: _push(c, "staff.set", {"user_id": w.users["member"], "is_staff": True}),
    "`profile.update` (her own)": lambda c, w, r: _push(c, "profile.update", {"subjects": ["chemia"]}),
    "staff dashboard": lambda c, w, r: _http(c.http.get("/api/staff/dashboard")),
    "`attachment.add` (to her own post)": lambda c, w, r: _attach(c, w.posts.get(r, NEW())),
    "`attachment.add` (to someone else's post)": lambda c, w, r: _attach(c, w.posts[_other(r)]),
    "`attachment.remove` (her own)": lambda c, w, r: _push(c, "attachment.remove", {
        "id": _attachment_of(c, w, r) if r in w.posts else NEW()}),
    "`attachment.remove` (someone else's)": lambda c, w, r: _push(c, "attachment.remove", {
        "id": _attachment_of(c, w, _other(r))}),
    "download an attachment": lambda c, w, r: _http(c.http.get(f"/api/attachments/{_attachment_of(c, w, 'member')}")),
    "`resource.create`": lambda c, w, r: _push(c, "resource.create", _practice(w)),
    "`resource.update` (her own)": lambda c, w, r: _push(c, "resource.update", {
        "id": _practice_of(w, r), "title": "Poprawiony tytuł"}),
    "`resource.update` (someone else's)": lambda c, w, r: _push(c, "resource.update", {
        "id": _practice_of(w, _other(r)), "title": "Cudzy tytuł"}),
    "`resource.delete` (her own)": lambda c, w, r: _push(c, "resource.delete", {"id": _practice_of(w, r)}),
    "`resource.delete` (someone else's)": lambda c, w, r: _push(c, "resource.delete", {"id": _practice_of(w, _other(r))}),
    "`post.promote`": lambda c, w, r: _push(c, "post.promote", {
        "post_id": w.posts["member"], "resource_id": NEW(), "title": "Dobra praktyka z wątku"}),
    **MEETINGS,
    **PASSKEYS,
    **PRIVACY,
    **CALENDAR,
    **SESSIONS,
    **SURVEYS,
    **REPORTS,
    **DOCS,
    **READING,
    **PLANS,
}


def _invitation(w, email: str) -> str:
    """An e-mailed invitation into the network, as `membership.invite` makes one; its token."""
    from datetime import timedelta

    from server.db import new_id, utcnow
    from server.networks import publish
    from server.networks.membership import hash_token
    from server.networks.models import Invitation

    token = secrets.token_urlsafe(32)
    with engine.writing(db.session, w.users["coordinator"]) as ctx:  # devices of its managers hold it
        publish.invitation(ctx, Invitation(id=new_id(), network_id=w.network_id, email=email, role="member",
                                           token_hash=hash_token(token), invited_by=w.users["coordinator"],
                                           expires_at=utcnow() + timedelta(days=1)))
    return token


def _public_request(email: str) -> str:
    """A request sent by the public form, waiting for its link; the link's token."""
    from datetime import timedelta

    from server.db import utcnow
    from server.networks.membership import hash_token
    from server.networks.models import PublicRequest

    token = secrets.token_urlsafe(32)
    payload = {"name": "Sieć bibliotekarzy", "kind": "subject", "topic": "biblioteka", "recruitment": "open",
               "justification": "Chcemy wymieniać się pomysłami.", "expected_members": 10}
    db.session.add(PublicRequest(email=email, name="Osoba z formularza", function="teacher", payload=payload,
                                 token_hash=hash_token(token), expires_at=utcnow() + timedelta(days=1)))
    db.session.commit()
    return token


def _a_category(w) -> str:
    from sqlalchemy import select

    from server.forum.models import Category

    return db.session.scalars(select(Category.id).where(Category.network_id == w.network_id)).first()


def _notification_for(w, role: str) -> str:
    """A notification of hers about a reply in the network's thread, published as the forum's
    reaction publishes one; its id."""
    from server.notifications.models import Notification
    from server.scopes import user_scope

    note = Notification(id=NEW(), user_id=w.users[role], kind="reply", network_id=w.network_id, thread_id=w.thread_id)
    with engine.writing(db.session, w.users[role]) as ctx:
        ctx.put("notification", note, [user_scope(w.users[role])])
    return note.id


def _read(client, note_id: str) -> str:
    """notification.read of that one; "applied" only when it is then read."""
    from server.notifications.models import Notification

    outcome = _push(client, "notification.read", {"ids": [note_id]})
    db.session.expire_all()
    read = db.session.get(Notification, note_id).read_at is not None
    return outcome if outcome != "applied" or read else "applied, but it stays unread"


def _other(role: str) -> str:
    """Someone else in the network who has written things: the member, or for her the coordinator."""
    return "member" if role != "member" else "coordinator"


def _attach(client, post_id: str) -> str:
    data = pdf()
    put(client, data)
    return _push(client, "attachment.add", {"id": NEW(), "post_id": post_id, "sha256": sha(data), "name": "plan.pdf"})


def _attachment_of(client, w, role: str) -> str:
    if role in w.attachments:  # attached while she was in the network
        return w.attachments[role]
    return attached_by(client.app, w.users[role], pdf(), post_id=w.posts[role])


def _practice(w) -> dict:
    return {"id": NEW(), "network_id": w.network_id, "kind": "link", "title": "Dobra praktyka",
            "url": "https://example.org/praktyka"}


def _practice_of(w, role: str) -> str:
    """A good practice of hers (a former member's: added while she was in); a made-up id for roles
    that cannot add one."""
    if role in w.practices:
        return w.practices[role]
    if role not in ("coordinator", "member"):
        return NEW()
    args = _practice(w)
    with engine.writing(db.session, w.users[role]) as ctx:
        engine.run(ctx, "resource.create", args)
    return args["id"]


def _a_school() -> str:
    from sqlalchemy import select

    from server.org.models import School

    return db.session.scalars(select(School.id)).first()


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The demo data and the world, built once for every cell (roles_world.py)."""
    return build_template(tmp_path_factory.mktemp("roles"))


@pytest.fixture
def database_url(template, tmp_path):
    """The rules are the server's, not the database's: one backend is enough for 1,000 cells,
    each on its own copy of the world."""
    return copy_of(template[0], tmp_path)


def test_the_table_covers_every_mutation():
    from server.syncing.engine import registry

    documented = {action.split("`")[1] for action, _, _ in table() if "`" in action}
    assert documented == set(registry.mutators)


def test_both_tables_have_every_action():
    """Every action has its row in both tables, and each row is checked."""
    roles_of: dict[str, list[str]] = {}
    for action, role, _ in table():
        roles_of.setdefault(action, []).append(role)
    assert {a: r for a, r in roles_of.items() if sorted(r) != sorted(worlds.ROLES + worlds.LATER)} == {}
    assert set(roles_of) == set(ACTIONS)


@pytest.mark.parametrize("action,role,expected", table(), ids=lambda v: str(v))
def test_every_cell(app, template, as_user, action, role, expected):
    w = template[1]
    signed_out = role == "signed_out"
    client = SignedOut(app, w) if signed_out else as_user(w.emails[role])
    try:
        outcome = ACTIONS[action](client, w, role)
    except Unauthorized as refused:
        outcome = str(refused)
    if signed_out and outcome == "401":  # a route's answer, as _http says it
        outcome = "unauthorized"
    refused = "unauthorized" if signed_out else "forbidden"
    if expected == "✓":
        assert outcome == "applied", f"{role} should be allowed {action}, got {outcome}"
    elif expected == "✗":
        assert outcome == refused, f"{role} should be refused {action} ({refused}), got {outcome}"
    else:
        assert outcome in ("conflict", "not_found"), f"{action} does not apply to {role}, got {outcome}"
