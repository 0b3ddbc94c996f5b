"""What test_openapi's schemathesis run found answering 500, each answered in the one error shape
now, on both databases."""
from __future__ import annotations

COORDINATOR = "koordynator@example.org"  # the demo's Poradnia coordinator, staff and administrator


def test_an_audit_page_before_an_id_past_the_column_is_a_400(app, demo, as_user):
    # PostgreSQL's integer id: a larger `before` was "integer out of range", a 500.
    admin = as_user(COORDINATOR)
    for before in ("9370077549308", str(2**31)):
        answer = admin.http.get("/api/audit", query_string={"before": before})
        assert answer.status_code == 400, answer.get_json()
        assert answer.get_json()["error"]["fields"]["before"]
    assert admin.http.get("/api/audit", query_string={"before": str(2**31 - 1)}).status_code == 200


def test_a_nul_in_a_path_names_nothing(app, demo, as_user):
    # PostgreSQL refuses a NUL in a query: a named version's id with one was a 500.
    anna = as_user("anna.nowak@example.org")
    network = next(iter(anna.rows("network")))
    for path in (f"/api/docs/plan:{network}/versions/a%00b", f"/api/networks/{network}%00/export",
                 "/api/auth/invite/a%00b", "/api/nothing%00here", "/%00"):
        answer = anna.http.get(path)
        assert answer.status_code == 404, (path, answer.status_code)
        assert answer.get_json()["error"]["code"] == "not_found"
