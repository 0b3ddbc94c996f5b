"""E-mail addresses only where the person allowed it: `contact` rows {id, email} in the scopes of
the networks she is active in while her profile says share_email; gone when she stops sharing or
leaves a network, there when she joins one (docs/sync-protocol.md)."""
from __future__ import annotations

from tests.integration.forum_helpers import GIFTED, MATH, network_id
from tests.integration.meetings_helpers import outcome, result

ANNA, JAN, EWA, PIOTR = ("anna.nowak@example.org", "jan.kowalski@example.org", "ewa.wisniewska@example.org",
                         "piotr.zielinski@example.org")


def contacts(client) -> dict[str, dict]:
    """The contact rows her device holds: as the PWA's store does, a row stays while any scope
    still holds it (a delete in one network leaves her copy from another)."""
    scopes: dict[str, set] = {}
    rows: dict[str, dict] = {}
    for change in client.pull_all()[0]:
        if change.get("type") != "contact":
            continue
        if change["op"] == "put":
            scopes.setdefault(change["id"], set()).add(change["scope"])
            rows[change["id"]] = change["data"]
        else:
            scopes.get(change["id"], set()).discard(change["scope"])
    return {row_id: rows[row_id] for row_id, held in scopes.items() if held}


def shares(client, value: bool) -> None:
    assert outcome(client, "profile.update", {"share_email": value}) == "applied"


def test_nobody_sees_an_address_until_she_shares_it_and_not_after(app, demo, as_user):
    anna, jan, piotr = as_user(ANNA), as_user(JAN), as_user(PIOTR)
    assert contacts(jan) == {}  # nobody shares by default
    _changes, cursor = jan.pull_all()
    shares(anna, True)
    assert contacts(jan) == {anna.id: {"id": anna.id, "email": ANNA}}
    assert contacts(piotr) == {}  # not in her network
    shares(anna, False)
    assert contacts(jan) == {}
    deleted = [c for c in jan.pull_all(cursor)[0] if c.get("type") == "contact"]
    assert [(c["op"], c["id"]) for c in deleted] == [("delete", anna.id)]  # the device that held it drops it


def test_her_address_follows_her_in_and_out_of_networks(app, demo, as_user):
    ewa, jan, piotr = as_user(EWA), as_user(JAN), as_user(PIOTR)
    shares(ewa, True)  # in both demo networks
    assert ewa.id in contacts(jan) and ewa.id in contacts(piotr)
    assert outcome(ewa, "membership.leave", {"network_id": network_id(MATH)}) == "applied"
    assert ewa.id not in contacts(jan) and ewa.id in contacts(piotr)

    shares(piotr, True)
    assert piotr.id not in contacts(jan)
    assert outcome(piotr, "membership.join", {"network_id": network_id(MATH)}) == "applied"  # an open network
    assert contacts(jan)[piotr.id] == {"id": piotr.id, "email": PIOTR}
    assert contacts(piotr).keys() == {piotr.id, ewa.id}  # his own, and Ewa's of the gifted network
    assert outcome(piotr, "membership.leave", {"network_id": network_id(GIFTED)}) == "applied"
    assert piotr.id in contacts(jan)  # still in the mathematicians' network


def test_share_email_takes_only_yes_or_no(app, demo, as_user):
    refused = result(as_user(ANNA), "profile.update", {"share_email": "może"})
    assert refused["error"]["code"] == "invalid"
    assert refused["error"]["fields"]["share_email"] == ["Oczekiwano wartości tak albo nie."]
