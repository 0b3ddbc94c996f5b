"""`krag rules` tells the PWA the meetings' limits — those in fields and those the schemas say
in code — and they are the limits the schemas hold (no second copy to drift)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from marshmallow import ValidationError

from server import rules_export
from server.meetings import schemas

U1, U2 = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c"


def _meeting(hours: float) -> dict:
    start = datetime(2027, 3, 28, 8, 0, tzinfo=timezone.utc)
    return {"id": U1, "network_id": U2, "title": "Spotkanie", "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(hours=hours)).isoformat()}


def test_the_limits_reach_rules_json():
    rules = rules_export.rules()
    create = rules["mutations"]["meeting.create"]
    assert (create["title"]["min"], create["title"]["max"]) == (1, 200)
    assert create["agenda"]["max"] == schemas.AGENDA_MAX == 30
    assert create["agenda"]["items"]["fields"]["topic"]["max"] == 300
    assert create["starts_at"] == {"type": "datetime", "required": True}
    assert rules["mutations"]["attendance.hours"]["hours"] == {"type": "number", "required": True, "nullable": True,
                                                               "min": 0, "max": 12}
    assert rules["limits"]["meetings"] == {"max_hours": 12, "hours_step": 0.25, "check_in_early_minutes": 30,
                                           "clock_skew_minutes": 5}


def test_the_limits_said_are_the_limits_held():
    limits = rules_export.rules()["limits"]["meetings"]
    schemas.MeetingCreate().load(_meeting(limits["max_hours"]))
    with pytest.raises(ValidationError, match="najwyżej 12 godzin"):
        schemas.MeetingCreate().load(_meeting(limits["max_hours"] + limits["hours_step"]))
    assert schemas.CHECK_IN_EARLY == timedelta(minutes=limits["check_in_early_minutes"])
    assert schemas.CLOCK_SKEW == timedelta(minutes=limits["clock_skew_minutes"])
    hours = {"meeting_id": U1, "user_id": U2}
    schemas.AttendanceHours().load(hours | {"hours": 12 - limits["hours_step"]})
    with pytest.raises(ValidationError):
        schemas.AttendanceHours().load(hours | {"hours": limits["hours_step"] / 2})
