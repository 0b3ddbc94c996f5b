"""An employee named an approver hears of plans sent for approval at once, on the connection she
already has open (the approvers' room), and stops hearing when the right is taken back."""
from __future__ import annotations

from server.extensions import db, socketio
from tests.integration import world as worlds
from tests.integration.meetings_helpers import outcome
from tests.integration.plans_helpers import made
from tests.integration.test_live_channel import pokes, pokes_until

APPROVERS = {"scope": "plan_approvers"}


def test_the_right_to_approve_moves_her_open_connection(app, demo, as_user):
    w = worlds.build(db.session)
    admin, staff, boss = (as_user(w.emails[r]) for r in ("admin", "staff", "coordinator"))
    socket = socketio.test_client(app, flask_test_client=staff.http)
    assert socket.is_connected()
    socket.get_received()
    assert outcome(admin, "plan_approver.set", {"user_id": w.users["staff"], "allowed": True}) == "applied"
    assert outcome(boss, "plan.submit", {"version_id": made(w.users["coordinator"], w.network_id)}) == "applied"
    assert APPROVERS in pokes_until(socket, "plan_approvers")

    assert outcome(admin, "plan_approver.set", {"user_id": w.users["staff"], "allowed": False}) == "applied"
    socket.get_received()
    second = made(w.users["coordinator"], w.network_id, year=2027)
    assert outcome(boss, "plan.submit", {"version_id": second}) == "applied"
    assert APPROVERS not in pokes_until(socket, "plan_approvers", wait=1)
    assert APPROVERS not in pokes(socket)
    socket.disconnect()
