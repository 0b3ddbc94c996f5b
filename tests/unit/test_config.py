"""The default address follows the port `make run` serves on, so `krag login-link` prints a link that opens."""
from __future__ import annotations

from server import config


def test_the_base_url_follows_port(monkeypatch, tmp_path):
    monkeypatch.delenv("KRAG_BASE_URL", raising=False)
    monkeypatch.setenv("PORT", "5302")
    assert config.load(str(tmp_path))["BASE_URL"] == "http://127.0.0.1:5302"
    monkeypatch.delenv("PORT")
    assert config.load(str(tmp_path))["BASE_URL"] == "http://127.0.0.1:5000"


def test_krag_base_url_wins_over_port(monkeypatch, tmp_path):
    monkeypatch.setenv("PORT", "5302")
    monkeypatch.setenv("KRAG_BASE_URL", "https://krag.poradnia.example.pl/")
    loaded = config.load(str(tmp_path))
    assert loaded["BASE_URL"] == "https://krag.poradnia.example.pl"
    assert loaded["SESSION_COOKIE_SECURE"] is True
