"""What she sees when the engine itself refuses stays Krąg's Polish (the engine gives codes)."""
from __future__ import annotations


def test_the_engines_own_refusals_are_in_polish(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    results = anna.push(("post.erase", {}), ("thread.state", {"thread_id": "nie-uuid"})).get_json()["results"]
    assert [r["error"]["code"] for r in results] == ["unknown_mutation", "invalid"]
    assert results[0]["error"]["message"] == "Nieznana operacja: post.erase"
    assert results[1]["error"]["message"] == "Niepoprawne dane." and "thread_id" in results[1]["error"]["fields"]
