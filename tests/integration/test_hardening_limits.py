"""Rate limits (server/ratelimits.py): sign-in and the letters a request sends, by the address a
request comes from and by the e-mail it asks to write to; a ceiling on push, search and upload
by account. Past one: 429 in the one error shape, in Polish, with Retry-After. Counted in memory
in one process, in Redis across processes."""
from __future__ import annotations

import uuid

import pytest
import requests

from server import migrate, ratelimits
from tests.databases import REDIS_URL, require_redis
from tests.integration.test_auth import mails
from tests.processes import ServerProcess, krag_env, logs_on_failure

SCHOOL, HOME = {"REMOTE_ADDR": "10.1.1.1"}, {"REMOTE_ADDR": "10.2.2.2"}


def refused(answer, message: str = ratelimits.TOO_MANY) -> bool:
    assert answer.status_code == 429, (answer.status_code, answer.get_json())
    assert answer.get_json() == {"error": {"code": "rate_limited", "message": message}}
    assert 0 < int(answer.headers["Retry-After"]) <= 24 * 3600
    return True


def _amount(limit: str) -> int:
    return int(limit.split()[0])


def test_sign_in_letters_per_address_asked_for_whoever_has_it(app, demo):
    http = app.test_client()
    for email in ("anna.nowak@example.org", "nikt.taki@example.org"):  # an account or none: the same answers
        answers = [http.post("/api/auth/email-link", json={"email": email}) for _ in range(6)]
        assert [a.status_code for a in answers[:5]] == [202] * 5
        assert refused(answers[5], ratelimits.SIGN_IN_TOO_MANY)
    assert len(mails(app)) == 5
    # A typo the form refuses (400) sends nothing and counts nothing against the address.
    for _ in range(6):
        assert http.post("/api/auth/email-link", json={"email": "jan.kowalski@example"}).status_code == 400
    assert http.post("/api/auth/email-link", json={"email": "jan.kowalski@example.org"}).status_code == 202


def test_sign_in_requests_from_one_address(app, demo):
    school, home = app.test_client(), app.test_client()
    allowed = _amount(ratelimits.SIGN_IN_FROM_ADDRESS)
    for i in range(allowed):
        answer = school.post("/api/auth/email-link", json={"email": f"nauczyciel{i}@szkola.example"},
                             environ_base=SCHOOL)
        assert answer.status_code == 202, i
    assert refused(school.post("/api/auth/email-link", json={"email": "jeszcze@szkola.example"}, environ_base=SCHOOL),
                   ratelimits.FROM_HERE_TOO_MANY)
    assert home.post("/api/auth/email-link", json={"email": "anna.nowak@example.org"},
                     environ_base=HOME).status_code == 202


def test_tokens_from_letters_are_not_for_guessing(app, demo):
    http = app.test_client()
    tries = [("/api/auth/link", {"token": "x" * 43}), ("/api/auth/invite", {"token": "y" * 43}),
             ("/api/auth/confirm-request", {"token": "z" * 43})]
    allowed = _amount(ratelimits.LINKS_FROM_ADDRESS)
    for i in range(allowed):  # the three routes count together
        path, body = tries[i % 3]
        assert http.post(path, json=body, environ_base=SCHOOL).status_code in (400, 410), path
    assert refused(http.get(f"/api/auth/invite/{'y' * 43}", environ_base=SCHOOL), ratelimits.FROM_HERE_TOO_MANY)
    assert http.post("/api/auth/link", json={"token": "x" * 43}, environ_base=HOME).status_code == 410


def test_the_public_form_by_address_asked_for_and_from(app, demo):
    from tests.integration.test_links import new_request

    def form(email: str) -> dict:
        return {"email": email, "name": "Zofia Dyrektor", "function": "director",
                "request": {k: v for k, v in new_request().items() if k != "id"}}

    http = app.test_client()
    answers = [http.post("/api/public/network-requests", json=form("Dyrektor@Wola.example"), environ_base=HOME)
               for _ in range(4)]
    assert [a.status_code for a in answers[:3]] == [202] * 3
    assert refused(answers[3], ratelimits.REQUEST_TOO_MANY)
    allowed = _amount(ratelimits.REQUEST_FROM_ADDRESS)
    for i in range(allowed):
        assert http.post("/api/public/network-requests", json=form(f"d{i}@szkola.example"),
                         environ_base=SCHOOL).status_code == 202
    assert refused(http.post("/api/public/network-requests", json=form("inna@szkola.example"), environ_base=SCHOOL),
                   ratelimits.FROM_HERE_TOO_MANY)


@pytest.mark.parametrize("what", ["push", "search", "upload"])
def test_a_ceiling_per_account(app, demo, as_user, what):
    anna, jan = as_user("anna.nowak@example.org"), as_user("jan.kowalski@example.org")
    limit, ask = {
        "push": (ratelimits.PUSHES, lambda c: c.push()),
        "search": (ratelimits.SEARCHES, lambda c: c.http.get("/api/search", query_string={"q": "ułamki"})),
        "upload": (ratelimits.UPLOADS, lambda c: c.http.put("/api/files/nie-skrot", data=b"x",
                                                            headers={"X-CSRF-Token": c.csrf})),
    }[what]
    for i in range(_amount(limit)):
        assert ask(anna).status_code < 429, i
    assert refused(ask(anna))
    assert ask(jan).status_code < 429  # hers alone


def test_behind_a_proxy_its_forwarded_address_counts(app, demo):
    """X-Forwarded-For is believed only from as many proxies as KRAG_TRUSTED_PROXIES says: else anyone
    could name a new address per request and never be limited."""
    allowed = _amount(ratelimits.SIGN_IN_FROM_ADDRESS)

    def flood(http, spoof: bool) -> int:
        codes = [http.post("/api/auth/email-link", json={"email": f"osoba{i}@example.org"}, environ_base=SCHOOL,
                           headers={"X-Forwarded-For": f"192.0.2.{i}" if spoof else "198.51.100.7"}).status_code
                 for i in range(allowed + 1)]
        return codes.count(429)

    assert flood(app.test_client(), spoof=True) == 1  # no proxy trusted: the header changes nothing
    app.wsgi_app = ratelimits.behind(app.wsgi_app, 1)  # as create_app does with KRAG_TRUSTED_PROXIES=1
    assert flood(app.test_client(), spoof=True) == 0  # each teacher's own address, as nginx told
    assert flood(app.test_client(), spoof=False) == 1


def test_counted_in_memory_without_redis(app):
    assert app.config["REDIS_URL"] is None and app.config["RATELIMIT_STORAGE_URI"] == "memory://"


@pytest.mark.pg  # runs with the services (CI=true makes Redis mandatory)
def test_two_processes_share_their_counts_in_redis(tmp_path):
    """Two servers behind one load balancer: the letters asked of each add up."""
    require_redis()
    database = f"sqlite:///{tmp_path / 'krag.db'}"
    migrate.upgrade(database)
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>Krąg</title>")
    prefix = f"krag-test-{uuid.uuid4().hex[:12]}"  # one installation: both count under one name
    servers = [ServerProcess(name, krag_env(DATABASE_URL=database, REDIS_URL=REDIS_URL, SECRET_KEY="limits",
                                            RATELIMIT_PREFIX=prefix,
                                            INSTANCE_PATH=str(tmp_path / f"instance-{name}"), PWA_DIST=str(dist)),
                             tmp_path) for name in ("A", "B")]
    email = f"ktos-{uuid.uuid4().hex[:8]}@example.org"  # its own count, whatever else shares this Redis
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.wait_healthy()
        with logs_on_failure(*servers):
            codes = [requests.post(f"{servers[i % 2].url}/api/auth/email-link", json={"email": email},
                                   timeout=10).status_code for i in range(6)]
            assert codes == [202] * 5 + [429]
            last = requests.post(f"{servers[0].url}/api/auth/email-link", json={"email": email}, timeout=10)
            assert last.status_code == 429 and last.json()["error"]["code"] == "rate_limited"
            assert int(last.headers["Retry-After"]) > 0
    finally:
        for server in servers:
            server.stop()
