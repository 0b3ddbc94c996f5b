"""Her profile records how to speak of her (Pani, Pan, or neither), and her fellow members'
devices get it with her row."""
from __future__ import annotations

from tests.integration.forum_helpers import first_outcome


def test_the_form_of_address_is_hers_to_set(app, demo, as_user):
    anna = as_user("anna.nowak@example.org")
    assert anna.rows("user")[anna.id]["form_of_address"] is None  # unknown: neutral wording
    assert first_outcome(anna.push(("profile.update", {"form_of_address": "pani"}))) == "applied"
    assert as_user("jan.kowalski@example.org").rows("user")[anna.id]["form_of_address"] == "pani"
    assert first_outcome(anna.push(("profile.update", {"form_of_address": "ona"}))) == "invalid"
    assert first_outcome(anna.push(("profile.update", {"form_of_address": None}))) == "applied"
    assert anna.rows("user")[anna.id]["form_of_address"] is None
