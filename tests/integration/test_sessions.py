"""Sessions are server-side records (issue 11): signing out ends one on the server, a copy of
its cookie then answers 401; sessions unused for KRAG_SESSION_DAYS end; she lists her devices
and signs out one of them, or all but this one; her sockets close with them."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from server.accounts.models import UserSession
from server.db import utcnow
from server.extensions import db, socketio
from tests.apiclient import ApiClient
from tests.integration.forum_helpers import first_outcome

ANNA, JAN = "anna.nowak@example.org", "jan.kowalski@example.org"
PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"


def cookie_of(client: ApiClient) -> str:
    return client.http.get_cookie("krag_session").value


def copy_of(app, client: ApiClient):
    """Another browser holding a copy of ``client``'s cookie (stolen, or a backup)."""
    thief = app.test_client()
    thief.set_cookie("krag_session", cookie_of(client))
    return thief


def refused(response) -> bool:
    body = response.get_json()
    return response.status_code == 401 and body["error"]["code"] == "unauthorized"


def cleared(response) -> bool:
    return any(h.startswith("krag_session=;") for h in response.headers.getlist("Set-Cookie"))


def session_id(client: ApiClient) -> str:
    return client.http.get("/api/me").get_json()["session_id"]


def age(client_session_id: str, days: float) -> None:
    """As if the session was last used ``days`` ago."""
    db.session.rollback()
    with db.engine.begin() as conn:  # beside the app: the clock moved, devices need not hear of it
        conn.execute(update(UserSession).where(UserSession.id == client_session_id)
                     .values(last_seen_at=utcnow() - timedelta(days=days)))


def test_a_copied_cookie_answers_401_after_sign_out(app, demo, as_user):
    anna = as_user(ANNA)
    thief = copy_of(app, anna)
    assert thief.get("/api/me").status_code == 200  # the probe of the issue: a copy works while she is in
    out = anna.post_json("/api/auth/logout", {})
    assert out.status_code == 204 and cleared(out)
    answer = thief.get("/api/me")
    assert refused(answer) and cleared(answer)  # the copy is refused and told to forget the cookie
    assert refused(thief.get("/api/sync/pull"))
    assert refused(anna.http.get("/api/me"))
    record = db.session.scalars(select(UserSession).where(UserSession.user_id == anna.id)).one()
    assert record.revoked_at is not None


def test_the_cookie_holds_a_secret_and_the_table_only_its_hash(app, demo, as_user):
    anna = as_user(ANNA)
    with anna.http.session_transaction() as cookie:
        assert set(cookie) - {"_permanent"} == {"sid", "day"}  # no user id, no CSRF token
        secret = cookie["sid"]
    record = db.session.scalars(select(UserSession).where(UserSession.user_id == anna.id)).one()
    assert secret not in (record.id, record.secret_hash) and len(record.secret_hash) == 64
    assert record.id == session_id(anna)


def test_a_cookie_from_before_sessions_were_records_is_signed_out(app, demo, as_user):
    anna = as_user(ANNA)
    with anna.http.session_transaction() as cookie:
        cookie.clear()
        cookie.update({"uid": anna.id, "csrf": "x"})
    answer = anna.http.get("/api/me")
    assert refused(answer) and cleared(answer)


def test_a_session_unused_for_its_term_ends(app, demo, as_user):
    assert app.config["SESSION_DAYS"] == 30
    anna = as_user(ANNA)
    age(session_id(anna), 29.9)
    assert anna.http.get("/api/me").status_code == 200  # a month offline, minus a few hours: still in
    age(session_id(anna), 30.1)
    answer = anna.http.get("/api/me")
    assert refused(answer) and cleared(answer)
    assert socketio.test_client(app, flask_test_client=anna.http).is_connected() is False


def test_use_is_stamped_by_writes_and_the_live_channel_never_by_a_get(app, demo, as_user):
    anna = as_user(ANNA)
    mine = session_id(anna)

    def last_seen():
        db.session.expire_all()
        return db.session.get(UserSession, mine).last_seen_at

    age(mine, 10)
    before = last_seen()
    for path in ("/api/me", "/api/sync/pull"):
        assert anna.http.get(path).status_code == 200
    assert last_seen() == before  # a GET changes nothing, not even this
    assert anna.push().status_code == 200
    assert utcnow() - last_seen() < timedelta(minutes=1)
    stamped = last_seen()
    assert anna.push().status_code == 200 and last_seen() == stamped  # at most once an hour
    age(mine, 10)
    socket = socketio.test_client(app, flask_test_client=anna.http)
    assert socket.is_connected() and utcnow() - last_seen() < timedelta(minutes=1)
    socket.disconnect()


def test_she_sees_her_devices_and_which_is_this_one(app, demo, as_user):
    anna_phone = ApiClient.signed_in(app, ANNA)
    anna_computer, jan = as_user(ANNA), as_user(JAN)
    rows = anna_computer.rows("session")
    assert set(rows) == {session_id(anna_phone), session_id(anna_computer)}
    assert set(rows[session_id(anna_computer)]) == {"id", "device", "created_at", "last_seen_at", "expires_at"}
    assert not set(jan.rows("session")) & set(rows)  # hers only


def test_the_device_is_named_from_its_browser(app, demo):
    from server.accounts import services

    http = app.test_client()
    token = services.issue_login_token(db.session, services.find_user_by_email(db.session, ANNA), 15)
    db.session.commit()
    me = http.post("/api/auth/link", json={"token": token}, headers={"User-Agent": PHONE},
                   environ_base={"REMOTE_ADDR": "83.12.5.77"}).get_json()
    record = db.session.get(UserSession, me["session_id"])
    assert (record.device, record.ip) == ("Chrome, Android", "83.12.5.0/24")


def test_she_signs_out_a_lost_phone(app, demo, as_user):
    phone, computer = ApiClient.signed_in(app, ANNA), as_user(ANNA)
    lost = session_id(phone)
    socket = socketio.test_client(app, flask_test_client=phone.http)
    assert socket.is_connected()
    _, cursor = computer.pull_all()
    assert first_outcome(computer.push(("session.revoke", {"id": lost}))) == "applied"
    assert refused(phone.http.get("/api/me"))
    assert not socket.is_connected()  # its live channel closed at once
    assert not socketio.test_client(app, flask_test_client=phone.http).is_connected()
    gone = [c for c in computer.pull_all(cursor)[0] if c["type"] == "session"]
    assert gone == [{"op": "delete", "type": "session", "id": lost}] or all(
        c["op"] == "delete" for c in gone if c["id"] == lost)
    assert lost not in computer.rows("session")
    assert computer.http.get("/api/me").status_code == 200


def test_she_revokes_only_her_own_sessions(app, demo, as_user):
    anna, jan = as_user(ANNA), as_user(JAN)
    answer = jan.push(("session.revoke", {"id": session_id(anna)})).get_json()
    assert answer["results"][0]["status"] == "rejected" and answer["results"][0]["error"]["code"] == "forbidden"
    assert anna.http.get("/api/me").status_code == 200
    bad = jan.push(("session.revoke", {"id": "nie-uuid"})).get_json()
    assert bad["results"][0]["status"] == "rejected" and bad["results"][0]["error"]["code"] == "invalid"


def test_sign_out_everywhere_else(app, demo, as_user):
    phone, tablet, computer, jan = (ApiClient.signed_in(app, ANNA), ApiClient.signed_in(app, ANNA),
                                    as_user(ANNA), as_user(JAN))
    sockets = [socketio.test_client(app, flask_test_client=c.http) for c in (phone, tablet, computer, jan)]
    assert all(s.is_connected() for s in sockets)
    assert first_outcome(computer.push(("session.revoke_others", {}))) == "applied"
    assert refused(phone.http.get("/api/me")) and refused(tablet.http.get("/api/me"))
    assert computer.http.get("/api/me").status_code == 200 and jan.http.get("/api/me").status_code == 200
    assert [s.is_connected() for s in sockets] == [False, False, True, True]
    assert list(computer.rows("session")) == [session_id(computer)]
    for s in sockets[2:]:
        s.disconnect()


def test_signing_out_closes_this_device_s_live_channel(app, demo, as_user):
    anna = as_user(ANNA)
    thief = copy_of(app, anna)
    mine, copied = (socketio.test_client(app, flask_test_client=c) for c in (anna.http, thief))
    assert mine.is_connected() and copied.is_connected()
    assert anna.post_json("/api/auth/logout", {}).status_code == 204
    assert not mine.is_connected() and not copied.is_connected()
    assert not socketio.test_client(app, flask_test_client=thief).is_connected()


def test_a_removed_person_s_sessions_all_end(app, demo, as_user):
    """What removing her account will call (no removal exists yet): every device is signed out."""
    from server.accounts import sessions
    from server.syncing.engine import engine

    phone, computer, jan = ApiClient.signed_in(app, ANNA), as_user(ANNA), as_user(JAN)
    socket = socketio.test_client(app, flask_test_client=phone.http)
    with engine.writing(db.session, phone.id) as ctx:
        sessions.end_all(ctx, phone.id)
    assert refused(phone.http.get("/api/me")) and refused(computer.http.get("/api/me"))
    assert not socket.is_connected()
    assert jan.http.get("/api/me").status_code == 200


def test_signing_in_again_in_this_browser_ends_the_session_it_held(app, demo, as_user):
    from server.accounts import services

    anna = as_user(ANNA)
    thief = copy_of(app, anna)
    token = services.issue_login_token(db.session, services.find_user_by_email(db.session, JAN), 15)
    db.session.commit()
    assert anna.http.post("/api/auth/link", json={"token": token}).status_code == 200  # Jan, at the same computer
    assert anna.http.get("/api/me").get_json()["user"]["id"] != anna.id
    assert refused(thief.get("/api/me"))  # Anna's old cookie signs nobody in any more


def test_sessions_ended_a_term_ago_are_forgotten_when_she_signs_in(app, demo, as_user):
    """RODO: an old device's label and address are not kept for ever."""
    signed_out, unused, recent = (ApiClient.signed_in(app, ANNA) for _ in range(3))
    gone_long_ago, unused_id, recent_id = (session_id(c) for c in (signed_out, unused, recent))
    assert signed_out.post_json("/api/auth/logout", {}).status_code == 204
    db.session.rollback()
    with db.engine.begin() as conn:
        conn.execute(update(UserSession).where(UserSession.id == gone_long_ago)
                     .values(revoked_at=utcnow() - timedelta(days=31)))
    age(unused_id, 61)  # expired 31 days ago, never signed out
    age(recent_id, 31)  # expired a day ago: kept a while
    anna = as_user(ANNA)
    db.session.expire_all()
    assert db.session.get(UserSession, gone_long_ago) is None and db.session.get(UserSession, unused_id) is None
    assert db.session.get(UserSession, recent_id) is not None
    assert unused_id not in anna.rows("session")
