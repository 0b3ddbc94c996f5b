"""The surveys' cells of docs/roles.md: what each action does for tests/integration/test_roles.py."""
from __future__ import annotations

from tests.integration.meetings_helpers import outcome
from tests.integration.surveys_helpers import answer_args, made, survey_args


def _survey(w) -> str:
    return made(w.users["coordinator"], w.network_id)


def _results(c, w) -> str:
    status = c.http.get(f"/api/surveys/{_survey(w)}/results").status_code
    return {200: "applied", 404: "forbidden"}.get(status, str(status))


ACTIONS = {
    "`survey.create`": lambda c, w, r: outcome(c, "survey.create", survey_args(w.network_id)),
    "`survey.update` (before it opens)": lambda c, w, r: outcome(c, "survey.update", {
        "id": made(w.users["coordinator"], w.network_id, **_later()), "title": "Nowy tytuł"}),
    "`survey.close`": lambda c, w, r: outcome(c, "survey.close", {"id": _survey(w)}),
    "`survey.answer`": lambda c, w, r: outcome(c, "survey.answer", answer_args(_survey(w))),
    "read the network's surveys (pull)": lambda c, w, r: "applied" if _survey(w) in c.rows("survey") else "forbidden",
    "a survey's results (JSON, CSV)": lambda c, w, r: _results(c, w),
}


def _later() -> dict:
    from datetime import timedelta

    from tests.integration.meetings_helpers import now

    return {"opens": now() + timedelta(days=1)}
