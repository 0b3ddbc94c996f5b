"""Passkeys (server/accounts/passkeys.py): registration and sign-in checked by py_webauthn against
a software authenticator; single-use, expiring challenges; the sign counter; her passkeys as rows,
renamed and removed by mutations; another person's credential; the relying party from BASE_URL."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from server.accounts.passkey_models import Passkey, WebauthnChallenge
from server.db import utcnow
from server.extensions import db
from tests.integration.passkey_authenticator import Authenticator, b64
from tests.integration.passkey_steps import login_options, register, sign_in

ANNA, JAN = "anna.nowak@example.org", "jan.kowalski@example.org"


def code(answer) -> str:
    return answer.get_json()["error"]["code"]


def test_register_then_sign_in_with_it(app, demo, as_user):
    anna, phone = as_user(ANNA), Authenticator()
    options = anna.post_json("/api/auth/passkey/register/options", {}).get_json()
    assert options["rp"] == {"id": "127.0.0.1", "name": "Krąg"}
    assert options["authenticatorSelection"]["residentKey"] == "required"
    assert options["authenticatorSelection"]["userVerification"] == "preferred"
    assert options["user"]["name"] == ANNA and options["user"]["displayName"] == "Anna Nowak"

    added = register(anna, phone, "Telefon Anny")
    assert added.status_code == 201, added.get_json()
    row = added.get_json()["passkey"]
    assert row["name"] == "Telefon Anny" and row["last_used_at"] is None
    assert set(anna.rows("passkey")) == {row["id"]}
    assert set(anna.rows("passkey")[row["id"]]) == {"id", "name", "created_at", "last_used_at"}

    browser = app.test_client()
    answer = sign_in(browser, phone)
    assert answer.status_code == 200, answer.get_json()
    me = answer.get_json()
    assert me["user"]["email"] == ANNA and me["csrf_token"]  # what the e-mailed link answers
    assert browser.get("/api/me").get_json()["user"]["id"] == anna.id
    assert anna.rows("passkey")[row["id"]]["last_used_at"] is not None


def test_login_options_name_nobody(app, demo):
    options = login_options(app.test_client())  # signed out
    assert options["rpId"] == "127.0.0.1" and options["userVerification"] == "preferred"
    assert options.get("allowCredentials", []) == []  # discoverable: the device offers her passkeys


def test_a_challenge_works_once(app, demo, as_user):
    anna, phone = as_user(ANNA), Authenticator()
    assert register(anna, phone).status_code == 201
    browser = app.test_client()
    credential = phone.get(login_options(browser))
    assert browser.post("/api/auth/passkey/login/verify", json={"credential": credential}).status_code == 200
    again = app.test_client().post("/api/auth/passkey/login/verify", json={"credential": credential})
    assert again.status_code == 400 and code(again) == "challenge_expired"
    assert again.get_json()["error"]["message"].startswith("Minęło zbyt dużo czasu")


def test_an_expired_challenge_is_refused(app, demo, as_user):
    anna, phone = as_user(ANNA), Authenticator()
    assert register(anna, phone).status_code == 201
    browser = app.test_client()
    options = login_options(browser)
    db.session.execute(update(WebauthnChallenge).values(expires_at=utcnow() - timedelta(seconds=1)))
    db.session.commit()
    answer = browser.post("/api/auth/passkey/login/verify", json={"credential": phone.get(options)})
    assert answer.status_code == 400 and code(answer) == "challenge_expired"
    assert browser.get("/api/me").status_code == 401


def test_a_registration_challenge_is_not_a_sign_in_one(app, demo, as_user):
    anna, phone = as_user(ANNA), Authenticator()
    assert register(anna, phone).status_code == 201
    options = anna.post_json("/api/auth/passkey/register/options", {}).get_json()
    stolen = phone.get({"rpId": "127.0.0.1", "challenge": options["challenge"]})
    answer = app.test_client().post("/api/auth/passkey/login/verify", json={"credential": stolen})
    assert code(answer) == "challenge_expired"


def test_a_counter_that_goes_back_is_refused(app, demo, as_user):
    anna, phone = as_user(ANNA), Authenticator()
    assert register(anna, phone).status_code == 201
    assert sign_in(app.test_client(), phone).status_code == 200  # counter 1
    assert sign_in(app.test_client(), phone).status_code == 200  # counter 2
    copied = app.test_client()
    answer = sign_in(copied, phone, counter=2)  # a copy of the key, behind the original
    assert answer.status_code == 400 and code(answer) == "passkey_refused"
    assert copied.get("/api/me").status_code == 401
    assert db.session.scalars(select(Passkey.sign_count)).one() == 2


def test_an_authenticator_without_a_counter_signs_in_each_time(app, demo, as_user):
    """Counter 0 on both sides is an authenticator that keeps none (the spec): not a copy."""
    anna, key = as_user(ANNA), Authenticator(counts=False)
    assert register(anna, key).status_code == 201
    assert sign_in(app.test_client(), key).status_code == 200
    assert sign_in(app.test_client(), key).status_code == 200


def test_another_origin_or_rp_is_refused(app, demo, as_user):
    anna, phone = as_user(ANNA), Authenticator()
    elsewhere = anna.post_json("/api/auth/passkey/register/options", {}).get_json()
    answer = anna.post_json("/api/auth/passkey/register/verify",
                            {"credential": phone.create(elsewhere, origin="https://krag.example")})
    assert answer.status_code == 400 and code(answer) == "passkey_refused"
    assert register(anna, phone).status_code == 201
    answer = sign_in(app.test_client(), phone, origin="http://evil.example")
    assert code(answer) == "passkey_refused"


def test_the_relying_party_follows_base_url(app, demo, as_user):
    app.config["BASE_URL"] = "https://krag.poradnia.example"
    anna, phone = as_user(ANNA), Authenticator(origin="https://krag.poradnia.example", rp_id="krag.poradnia.example")
    options = anna.post_json("/api/auth/passkey/register/options", {}).get_json()
    assert options["rp"]["id"] == "krag.poradnia.example"
    assert anna.post_json("/api/auth/passkey/register/verify",
                          {"credential": phone.create(options)}).status_code == 201
    assert sign_in(app.test_client(), phone).status_code == 200


def test_her_credential_answers_only_for_her(app, demo, as_user):
    """A passkey answering with another person's handle (or unknown to Krąg) signs nobody in."""
    anna, jan, phone = as_user(ANNA), as_user(JAN), Authenticator()
    assert register(anna, phone).status_code == 201
    phone.credentials[0].user_handle = bytes.fromhex(jan.id.replace("-", ""))
    browser = app.test_client()
    assert code(sign_in(browser, phone)) == "passkey_unknown"
    assert browser.get("/api/me").status_code == 401
    stranger = Authenticator()
    stranger.create({"user": {"id": "AAAAAAAAAAAAAAAAAAAAAA"}, "rp": {"id": "127.0.0.1"}, "challenge": "x"})
    assert code(sign_in(browser, stranger)) == "passkey_unknown"


def test_registration_needs_her_signed_in(app, demo):
    http = app.test_client()
    assert http.post("/api/auth/passkey/register/options", json={}).status_code == 401
    assert http.post("/api/auth/passkey/register/verify", json={"credential": {}}).status_code == 401


def test_a_challenge_made_for_someone_else_registers_nothing(app, demo, as_user):
    anna, jan, phone = as_user(ANNA), as_user(JAN), Authenticator()
    options = anna.post_json("/api/auth/passkey/register/options", {}).get_json()
    answer = jan.post_json("/api/auth/passkey/register/verify", {"credential": phone.create(options)})
    assert code(answer) == "challenge_expired"
    assert db.session.scalars(select(Passkey)).all() == []


def test_several_passkeys_renamed_and_removed_by_push(app, demo, as_user):
    anna, jan = as_user(ANNA), as_user(JAN)
    phone, laptop = Authenticator(), Authenticator()
    first = register(anna, phone, "Telefon").get_json()["passkey"]["id"]
    second = register(anna, laptop, "Laptop").get_json()["passkey"]["id"]
    assert set(anna.rows("passkey")) == {first, second}
    assert jan.rows("passkey") == {}

    results = anna.push(("passkey.rename", {"id": first, "name": "  Telefon służbowy "})).get_json()["results"]
    assert results[0]["status"] == "applied"
    assert anna.rows("passkey")[first]["name"] == "Telefon służbowy"
    refused = jan.push(("passkey.rename", {"id": first, "name": "Mój"}),
                       ("passkey.remove", {"id": first})).get_json()["results"]
    assert [r["error"]["code"] for r in refused] == ["forbidden", "forbidden"]
    bad = anna.push(("passkey.rename", {"id": first, "name": ""})).get_json()["results"][0]
    assert bad["error"]["code"] == "invalid" and "name" in bad["error"]["fields"]

    assert anna.push(("passkey.remove", {"id": first})).get_json()["results"][0]["status"] == "applied"
    assert set(anna.rows("passkey")) == {second}
    gone = app.test_client()
    assert code(sign_in(gone, phone)) == "passkey_unknown"  # the removed key signs in no more
    assert sign_in(app.test_client(), laptop).status_code == 200


def test_what_the_browser_says_of_its_transports_is_kept_only_as_a_list(app, demo, as_user):
    anna, phone = as_user(ANNA), Authenticator()
    options = anna.post_json("/api/auth/passkey/register/options", {}).get_json()
    credential = phone.create(options)
    credential["response"]["transports"] = 5
    assert anna.post_json("/api/auth/passkey/register/verify", {"credential": credential}).status_code == 201
    assert db.session.scalars(select(Passkey.transports)).one() == []


def test_the_same_device_cannot_add_its_key_twice(app, demo, as_user):
    anna, phone = as_user(ANNA), Authenticator()
    assert register(anna, phone).status_code == 201
    options = anna.post_json("/api/auth/passkey/register/options", {}).get_json()
    assert [c["id"] for c in options["excludeCredentials"]] == [b64(phone.credentials[0].id)]

def test_bad_input_gets_the_one_error_shape(app, demo, as_user):
    anna, http = as_user(ANNA), app.test_client()
    for body in ({}, {"credential": "x"}, {"credential": {}}, {"credential": {"response": {"clientDataJSON": "%%"}}},
                 {"credential": {"response": {"clientDataJSON": "e30"}}}, [1],
                 {"credential": {"response": {"clientDataJSON": b64(b"[" * 100_000)}}},
                 {"credential": {"response": {"clientDataJSON": b64(b'{"challenge": "a\\u0000b"}')}}}):
        answer = http.post("/api/auth/passkey/login/verify", json=body)
        assert answer.status_code == 400, (body, answer.get_json())
        assert answer.get_json()["error"]["code"] in ("invalid_request", "passkey_refused")
        answer = anna.post_json("/api/auth/passkey/register/verify", body)
        assert answer.status_code == 400, (body, answer.get_json())
    options = login_options(http)
    mangled = Authenticator()
    mangled.create({"user": {"id": "AAAAAAAAAAAAAAAAAAAAAA"}, "rp": {"id": "127.0.0.1"}, "challenge": "x"})
    credential = mangled.get(options)
    credential["rawId"] = {"no": "string"}
    assert http.post("/api/auth/passkey/login/verify", json={"credential": credential}).status_code == 400


def test_ceremonies_are_limited_by_address(app, demo):
    from server import ratelimits

    school, home = app.test_client(), app.test_client()
    allowed = int(ratelimits.PASSKEYS_FROM_ADDRESS.split()[0])
    for _ in range(allowed):
        assert school.post("/api/auth/passkey/login/options", json={},
                           environ_base={"REMOTE_ADDR": "10.1.1.1"}).status_code == 200
    answer = school.post("/api/auth/passkey/login/verify", json={}, environ_base={"REMOTE_ADDR": "10.1.1.1"})
    assert answer.status_code == 429
    assert answer.get_json() == {"error": {"code": "rate_limited", "message": ratelimits.FROM_HERE_TOO_MANY}}
    assert home.post("/api/auth/passkey/login/options", json={},
                     environ_base={"REMOTE_ADDR": "10.2.2.2"}).status_code == 200
