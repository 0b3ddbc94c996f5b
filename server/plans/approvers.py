"""plan_approver.set: an administrator gives a Poradnia employee the right to approve plans
(or takes it back). Administrators have it anyway."""
from __future__ import annotations

from sync import Rejected
from sync.context import MutationContext

from server.accounts import rights
from server.accounts.models import User
from server.db import utcnow
from server.networks.membership import access_changed
from server.plans import publish
from server.plans.models import PlanApprover


def set_(ctx: MutationContext, args: dict) -> None:
    rights.require_admin(ctx)
    user = ctx.session.get(User, str(args["user_id"]))
    if user is None:
        raise Rejected("not_found", "Nie ma takiej osoby.")
    if args["allowed"] and not user.is_staff:
        raise Rejected("invalid", "Prawo zatwierdzania planów może mieć tylko pracownik poradni.",
                       {"user_id": ["Ta osoba nie jest pracownikiem poradni."]})
    found = ctx.session.get(PlanApprover, user.id, with_for_update=True)
    if found is None:
        if not args["allowed"]:
            return
        found = PlanApprover(id=user.id, allowed=True, granted_by=ctx.user_id, granted_at=utcnow())
    elif found.allowed == args["allowed"]:
        return
    else:
        found.allowed, found.granted_by, found.granted_at = args["allowed"], ctx.user_id, utcnow()
    publish.approver(ctx, found)
    sees = found.allowed or user.is_admin
    # Her open apps start (or stop) getting the approvers' pokes at once, as for a network's room.
    ctx.on_commit(lambda: access_changed(user.id, publish.APPROVERS, sees))
