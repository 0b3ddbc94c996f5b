"""RODO: she downloads everything Krąg holds about her (a zip of dane.json and her files, nothing
of anyone else) and deletes her account: her name, address, passkeys, sessions and what was only
hers go; her posts stay as "Konto usunięte" unless she removes them; named survey answers go,
anonymous ones stay; attendance stays for the reports. The Poradnia's admin does both on request;
the only admin and a network's only coordinator are refused until someone takes over."""
from __future__ import annotations

import io
import json
import uuid
import zipfile
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from server.accounts.models import LoginToken, User, UserSession
from server.accounts.passkey_models import Passkey
from server.extensions import db
from server.forum.models import Post, PostRevision
from server.meetings.models import Attendance
from server.networks.models import Membership
from server.notifications.models import Notification
from server.surveys.models import SurveyResponse
from server.syncing.engine import engine
from sync.models import SyncRow
from tests.integration.files_helpers import attach_args, pdf, put
from tests.integration.forum_helpers import MATH, network_id
from tests.integration.meetings_helpers import outcome, result
from tests.integration.passkey_authenticator import Authenticator
from tests.integration.passkey_steps import register
from tests.integration.surveys_helpers import answer_args, made, new_key
from tests.integration.test_auth import mails

ANNA, JAN, EWA, BOSS = ("anna.nowak@example.org", "jan.kowalski@example.org", "ewa.wisniewska@example.org",
                        "koordynator@example.org")


def _meeting_she_attended(boss_id: str, anna_id: str) -> str:
    starts = datetime.now(timezone.utc) - timedelta(days=1)
    args = {"id": str(uuid.uuid4()), "network_id": network_id(MATH), "title": "Warsztaty z ułamków",
            "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=2)).isoformat()}
    with engine.writing(db.session, boss_id) as ctx:
        engine.run(ctx, "meeting.create", args)
        engine.run(ctx, "attendance.set", {"meeting_id": args["id"], "user_id": anna_id, "present": True,
                                           "at": datetime.now(timezone.utc).isoformat()})
    return args["id"]


def _her_things(app, anna, boss) -> dict:
    """A post of hers edited once with a file, a passkey, a named and an anonymous survey answer,
    a meeting she attended and its answer."""
    data = pdf() + b"% Anna's own lesson plan\n"
    assert put(anna, data).status_code in (200, 201)
    thread_id, post_id = str(uuid.uuid4()), str(uuid.uuid4())
    assert outcome(anna, "thread.create", {"id": thread_id, "network_id": network_id(MATH), "title": "Moje pytanie",
                                           "body": "Jak wprowadzić ułamki?"}) == "applied"
    assert outcome(anna, "post.create", {"id": post_id, "thread_id": thread_id, "body": "Pierwsza wersja"}) == "applied"
    assert outcome(anna, "post.update", {"id": post_id, "body": "Druga wersja"}) == "applied"
    assert outcome(anna, "attachment.add", attach_args(data, "plan lekcji.pdf", post_id=post_id)) == "applied"
    assert register(anna, Authenticator(), "Telefon Anny").status_code == 201
    named, anonymous = made(boss.id, network_id(MATH)), made(boss.id, network_id(MATH), anonymous=True)
    assert outcome(anna, "survey.answer", answer_args(named)) == "applied"
    assert outcome(anna, "survey.answer", answer_args(anonymous, key=new_key())) == "applied"
    meeting_id = _meeting_she_attended(boss.id, anna.id)
    return {"file": data, "thread_id": thread_id, "post_id": post_id, "named": named, "anonymous": anonymous,
            "meeting_id": meeting_id}


def _export(client, path="/api/me/export"):
    answer = client.post_json(path, {})
    assert answer.status_code == 200, answer.get_json()
    assert answer.mimetype == "application/zip" and "attachment" in answer.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(answer.data))
    return json.loads(archive.read("dane.json")), archive


def test_her_download_holds_everything_of_hers_and_nothing_of_others(app, demo, as_user):
    anna, boss, jan = as_user(ANNA), as_user(BOSS), as_user(JAN)
    mine = _her_things(app, anna, boss)
    data, archive = _export(anna)

    assert data["profile"]["email"] == ANNA and data["profile"]["name"] == "Anna Nowak"
    assert {m["network_id"] for m in data["memberships"]} == {network_id(MATH)}
    assert data["networks"][network_id(MATH)]["name"] == MATH
    posts = {p["id"]: p for p in data["posts"]}
    assert posts[mine["post_id"]]["body"] == "Druga wersja" and all(p["author_id"] == anna.id for p in posts.values())
    assert len(posts) >= 3  # her demo replies and opening post too
    assert [r["body"] for r in data["post_revisions"] if r["post_id"] == mine["post_id"]] == ["Pierwsza wersja"]
    assert [t["title"] for t in data["threads_started"] if t["id"] == mine["thread_id"]] == ["Moje pytanie"]
    assert [a["name"] for a in data["attachments"]] == ["plan lekcji.pdf"]
    assert archive.read("pliki/plan lekcji.pdf") == mine["file"] and data["files"] == ["pliki/plan lekcji.pdf"]
    assert mine["meeting_id"] in [a["meeting_id"] for a in data["attendance"]]
    assert data["meetings"][mine["meeting_id"]]["title"] == "Warsztaty z ułamków"
    assert [s["survey_id"] for s in data["survey_answers"]] == [mine["named"]]  # the anonymous one is not hers to find
    assert data["survey_answers"][0]["answers"]["form"] == "Online"
    assert [p["name"] for p in data["passkeys"]] == ["Telefon Anny"]
    assert data["sessions"] and all(s["address"] == "127.0.0.0/24" for s in data["sessions"])
    assert any(e["kind"] == "passkey.added" for e in data["security_events"])

    text = json.dumps(data, ensure_ascii=False)
    for other in ("Jan Kowalski", JAN, "Ewa Wiśniewska", EWA, "Małgorzata Lis", BOSS, "U mnie sprawdza się"):
        assert other not in text, f"{other} is in her download"
    assert "public_key" not in text and "secret" not in text and "calendar_token" not in text


def test_the_download_is_a_post_with_csrf_limited_and_hers_alone(app, demo, as_user):
    anna, jan, boss = as_user(ANNA), as_user(JAN), as_user(BOSS)
    assert app.test_client().post("/api/me/export").status_code == 401
    assert anna.http.post("/api/me/export").status_code == 403  # no CSRF token: another site cannot start it
    assert anna.http.get("/api/me/export").status_code in (404, 405)  # there is no GET that writes
    assert jan.post_json(f"/api/people/{anna.id}/export", {}).status_code == 403
    theirs, _ = _export(boss, f"/api/people/{anna.id}/export")
    assert theirs["profile"]["email"] == ANNA
    assert boss.post_json("/api/people/not-an-id/export", {}).status_code == 404
    for _ in range(5):
        assert anna.post_json("/api/me/export", {}).status_code == 200
    too_many = anna.post_json("/api/me/export", {})
    assert too_many.status_code == 429 and too_many.get_json()["error"]["code"] == "rate_limited"


def test_deleting_her_account_keeps_her_posts_as_konto_usuniete(app, demo, as_user):
    anna, boss, jan = as_user(ANNA), as_user(BOSS), as_user(JAN)
    mine = _her_things(app, anna, boss)
    assert outcome(anna, "profile.update", {"share_email": True}) == "applied"
    assert anna.id in jan.rows("contact")
    before = jan.pull_all()[1]

    assert outcome(anna, "account.delete", {}) == "applied"
    assert anna.http.get("/api/me").status_code == 401
    db.session.expire_all()
    user = db.session.get(User, anna.id)
    assert user.name == "Konto usunięte" and user.deleted_at and ANNA not in user.email and user.school_id is None
    assert not user.subjects and not user.is_staff and user.calendar_token is None
    for model in (UserSession, Passkey, LoginToken, Notification):
        assert not db.session.scalar(select(func.count()).select_from(model).where(model.user_id == anna.id)), model
    responses = db.session.scalars(select(SurveyResponse.survey_id)).all()
    assert mine["named"] not in responses and mine["anonymous"] in responses  # named go, anonymous stay
    assert db.session.get(Attendance, f"{mine['meeting_id']}:{anna.id}").present  # the report still counts her
    assert {m.status for m in db.session.scalars(select(Membership).where(Membership.user_id == anna.id))} == {"left"}
    left_in_her_scope = db.session.scalars(select(SyncRow).where(SyncRow.scope == f"user:{anna.id}",
                                                                 SyncRow.data.is_not(None))).all()
    assert left_in_her_scope == []

    changes, _ = jan.pull_all(before)  # another device learns it by pull
    (her_row,) = [c["data"] for c in changes if c["type"] == "user" and c["id"] == anna.id and c["op"] == "put"]
    assert her_row["name"] == "Konto usunięte" and her_row["deleted"] is True and her_row["school_id"] is None
    assert any(c["type"] == "contact" and c["id"] == anna.id and c["op"] == "delete" for c in changes)
    assert jan.rows("post")[mine["post_id"]]["author_id"] == anna.id  # the post stays, signed by the empty account
    assert anna.id not in jan.rows("contact")

    mails_before = len(mails(app))
    assert app.test_client().post("/api/auth/email-link", json={"email": ANNA}).status_code == 202
    assert len(mails(app)) == mails_before  # no account at that address any more
    assert boss.post_json(f"/api/people/{anna.id}/export", {}).status_code == 404
    assert outcome(boss, "account.delete", {"user_id": anna.id}) == "not_found"


def test_she_can_remove_her_posts_with_it(app, demo, as_user):
    anna, boss, jan = as_user(ANNA), as_user(BOSS), as_user(JAN)
    mine = _her_things(app, anna, boss)
    assert mine["post_id"] in jan.rows("post")
    assert outcome(anna, "account.delete", {"remove_posts": True}) == "applied"
    db.session.expire_all()
    left = db.session.scalars(select(Post).where(Post.author_id == anna.id)).all()
    assert left and all(p.deleted_at is not None and p.body == "" for p in left)
    assert not db.session.scalar(select(func.count()).select_from(PostRevision).where(
        PostRevision.post_id == mine["post_id"]))
    posts = jan.rows("post")
    assert not any(p["author_id"] == anna.id for p in posts.values())
    assert all(a["post_id"] != mine["post_id"] for a in jan.rows("attachment").values())


def test_someone_must_take_over_first(app, demo, as_user):
    boss, jan = as_user(BOSS), as_user(JAN)
    refused = result(boss, "account.delete", {})
    assert refused["error"]["code"] == "forbidden"
    assert "jedynym kontem administratora" in refused["error"]["message"]
    assert outcome(boss, "staff.set", {"user_id": jan.id, "is_staff": True, "is_admin": True}) == "applied"
    refused = result(boss, "account.delete", {})  # another admin now, but she still coordinates alone
    assert refused["error"]["code"] == "forbidden" and f"„{MATH}”" in refused["error"]["message"]
    for name in (MATH, "Sieć nauczycieli pracujących z uczniem zdolnym"):
        try:
            nid = network_id(name)
        except Exception:  # noqa: BLE001 — a demo network she does not lead
            continue
        outcome(boss, "network.set_coordinator", {"network_id": nid, "user_id": jan.id})
    assert outcome(boss, "account.delete", {}) == "applied"


def test_the_admin_deletes_an_account_on_request_and_nobody_else_does(app, demo, as_user):
    anna, jan, boss = as_user(ANNA), as_user(JAN), as_user(BOSS)
    assert outcome(jan, "account.delete", {"user_id": anna.id}) == "forbidden"
    assert outcome(boss, "account.delete", {"user_id": anna.id, "remove_posts": False}) == "applied"
    assert anna.http.get("/api/me").status_code == 401
    assert boss.http.get("/api/me").status_code == 200
