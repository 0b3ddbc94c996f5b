"""The letter the network's coordinators get when the Poradnia approves or returns the plan,
queued in the same mutation (no letter for a decision that did not commit)."""
from __future__ import annotations

from flask import current_app
from sqlalchemy import select
from sync.context import MutationContext

from server.accounts.models import User
from server.mail import lang_of, letter
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
    people_rows = ctx.session.execute(
        select(User.email, User.lang).where(User.id.in_(people)).order_by(User.email)).all()
    approved = v.status == "approved"
    if approved:
        words = {"pl": (f"Plan pracy zatwierdzony — {network.name}",
                        [f"{decider.name} zatwierdza plan pracy sieci „{network.name}” na rok szkolny {year} "
                         f"(wersja {v.number}).", *([f"Uwagi: {v.comment}"] if v.comment else [])]),
                 "en": (f"Work plan approved — {network.name}",
                        [f"{decider.name} has approved the work plan of the network “{network.name}” for the "
                         f"school year {year} (version {v.number}).",
                         *([f"Comments: {v.comment}"] if v.comment else [])])}
    else:
        words = {"pl": (f"Plan pracy do poprawy — {network.name}",
                        [f"{decider.name} zwraca plan pracy sieci „{network.name}” na rok szkolny {year} "
                         f"(wersja {v.number}) do poprawy.", f"Co poprawić: {v.comment}",
                         "Popraw plan w Kręgu i wyślij go ponownie do zatwierdzenia."]),
                 "en": (f"Work plan to be revised — {network.name}",
                        [f"{decider.name} has returned the work plan of the network “{network.name}” for the "
                         f"school year {year} (version {v.number}) for revision.", f"What to revise: {v.comment}",
                         "Revise the plan in Krąg and send it for approval again."])}
    for email, lang in people_rows:
        lang = lang_of(lang)
        subject, paragraphs = words[lang]
        action = ("See the plan" if lang == "en" else "Zobacz plan", link(p.network_id))
        queue(ctx, letter(email, subject, None, paragraphs, action, lang=lang))
