"""The letter the network's coordinators get when the Poradnia approves or returns the plan,
queued in the same mutation (no letter for a decision that did not commit)."""
from __future__ import annotations

from flask import current_app
from sqlalchemy import select
from sync.context import MutationContext

from server.accounts.models import User
from server.mail import GREETING, letter
from server.mailqueue.services import queue
from server.networks.models import Network
from server.plans import rights
from server.plans.models import Plan, PlanVersion


def link(network_id: str) -> str:
    """The plan's screen in the PWA."""
    return f"{current_app.config['BASE_URL']}/#/n/{network_id}/plan"


def decided(ctx: MutationContext, p: Plan, v: PlanVersion) -> None:
    network = ctx.session.get(Network, p.network_id)
    decider = ctx.session.get(User, ctx.user_id)
    year = f"{p.school_year}/{p.school_year + 1}"
    people = [u for u in rights.coordinators(ctx.session, p.network_id) if u != ctx.user_id]
    if not people:
        return
    emails = ctx.session.scalars(select(User.email).where(User.id.in_(people)).order_by(User.email)).all()
    if v.status == "approved":
        subject = f"Plan pracy zatwierdzony — {network.name}"
        paragraphs = [f"{decider.name} zatwierdza plan pracy sieci „{network.name}” na rok szkolny {year} "
                      f"(wersja {v.number})."]
        if v.comment:
            paragraphs.append(f"Uwagi: {v.comment}")
    else:
        subject = f"Plan pracy do poprawy — {network.name}"
        paragraphs = [f"{decider.name} zwraca plan pracy sieci „{network.name}” na rok szkolny {year} "
                      f"(wersja {v.number}) do poprawy.", f"Co poprawić: {v.comment}",
                      "Popraw plan w Kręgu i wyślij go ponownie do zatwierdzenia."]
    for email in emails:
        queue(ctx, letter(email, subject, GREETING, paragraphs, ("Zobacz plan", link(p.network_id))))
