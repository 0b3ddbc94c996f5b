"""Where survey rows go: the one place that knows their scopes.

A survey is the network's. A named response goes only to its author's devices; an anonymous
one goes nowhere (her device keeps its own copy). The marker that she answered goes to her
and to those who run the network, who see who has answered, never what.
"""
from __future__ import annotations

from sync.context import MutationContext

from server.scopes import ADMINS, managers_scope, network_scope, user_scope
from server.surveys.models import Survey, SurveyAnswered, SurveyResponse


def survey(ctx: MutationContext, s: Survey) -> None:
    ctx.put("survey", s, [network_scope(s.network_id), ADMINS])


def response(ctx: MutationContext, r: SurveyResponse) -> None:
    if r.user_id is not None:
        ctx.put("survey_response", r, [user_scope(r.user_id)])


def answered(ctx: MutationContext, a: SurveyAnswered) -> None:
    ctx.put("survey_answered", a, [user_scope(a.user_id), managers_scope(a.network_id), ADMINS])
