"""Who gets a letter is chosen by the database: the query asks for her e-mail choice
(her preference for the network, or the default), and only those notifications come back."""
from __future__ import annotations

from sqlalchemy import event, select

from server.extensions import db
from server.mailqueue.models import OutgoingMail
from server.notifications.email import queue_digests
from server.notifications.models import Notification
from tests.integration.forum_helpers import MATH, first_outcome, network_id, new_thread


def test_a_digest_reads_only_the_notifications_it_sends(app, demo, as_user):
    anna, jan, ewa = (as_user(f"{who}@example.org") for who in ("anna.nowak", "jan.kowalski", "ewa.wisniewska"))
    math = network_id(MATH)
    assert first_outcome(jan.push(("notification_pref.set", {"network_id": math, "email": "weekly"}))) == "applied"
    assert first_outcome(ewa.push(("notification_pref.set", {"network_id": math, "email": "never"}))) == "applied"
    anna.push(new_thread(math, "Konkurs Kangur"))

    asked: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, *_args) -> None:
        if "FROM notification" in statement:
            asked.append((statement.lower(), parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        assert queue_digests(db.session, "weekly") == 1
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert [m.to for m in db.session.scalars(select(OutgoingMail))] == ["jan.kowalski@example.org"]
    statement, parameters = asked[0]
    assert "coalesce" in statement and "weekly" in str(parameters)  # the choice is in the query

    queue_digests(db.session, "daily")  # the default: neither of them for this network
    told = dict(db.session.execute(select(Notification.user_id, Notification.emailed_at)
                                   .where(Notification.network_id == math, Notification.user_id.in_((jan.id, ewa.id)))).all())
    assert told[jan.id] is not None and told[ewa.id] is None
