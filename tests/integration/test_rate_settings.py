"""Each rate limit of server/ratelimits.py is a setting, KRAG_RATE_<NAME> (README's table): the
default stays what it was, a value set in the environment is the limit counted, and a value that
is no rate limit stops the server from starting rather than fail every request it guards."""
from __future__ import annotations

import pytest

from server import config, ratelimits
from server.app import create_app

ELSEWHERE = {"REMOTE_ADDR": "10.9.9.9"}


def test_every_limit_is_a_setting_with_its_default(monkeypatch, tmp_path):
    for setting in ratelimits.SETTINGS:
        monkeypatch.delenv(f"KRAG_RATE_{setting.name}", raising=False)
    assert config.rate_limits() == {}
    monkeypatch.setenv("KRAG_RATE_PUSHES", "20 per minute")
    assert config.load(str(tmp_path))["RATE_PUSHES"] == "20 per minute"
    assert ratelimits.PUSHES == "300 per minute"  # the default, as README says


def test_a_setting_changes_the_limit(app, demo):
    http = app.test_client()
    ask = lambda i: http.post("/api/auth/email-link", json={"email": f"ktos{i}@szkola.example"},  # noqa: E731
                              environ_base=ELSEWHERE)
    app.config["RATE_SIGN_IN_FROM_ADDRESS"] = "2 per 15 minutes"  # as KRAG_RATE_SIGN_IN_FROM_ADDRESS would set it
    assert [ask(i).status_code for i in range(3)] == [202, 202, 429]


def test_a_setting_that_is_no_limit_stops_the_start(monkeypatch, database_url, tmp_path):
    monkeypatch.setenv("KRAG_RATE_SEARCHES", "dużo")
    with pytest.raises(ValueError, match="KRAG_RATE_SEARCHES"):
        create_app({"DATABASE_URL": database_url, "SECRET_KEY": "x", "PWA_DIST": str(tmp_path)})
