"""A survey's results, for its network's coordinator, administrators and the Poradnia's staff."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, request
from marshmallow import ValidationError, validate
from sqlalchemy import select

from server.accounts.auth import current_user_id, login_required
from server.accounts.models import User
from server.errors import ApiError
from server.extensions import db
from server.fields import Input, Text
from server.networks.models import Membership
from server.networks.rights import is_active
from server.surveys import results
from server.surveys.models import Survey

bp = Blueprint("surveys", __name__)
NOT_FOUND = "Nie ma takiej ankiety."


class ResultsQuery(Input):
    format = Text(load_default="json", validate=validate.OneOf(("json", "csv"), error="Wybierz json albo csv."))


def _coordinates(user_id: str, network_id: str) -> bool:
    m = db.session.scalars(select(Membership).where(Membership.network_id == network_id,
                                                    Membership.user_id == user_id)).first()
    return is_active(m) and m.role == "coordinator"


@bp.get("/api/surveys/<uuid:survey_id>/results")
@login_required
def survey_results(survey_id):
    try:
        query = ResultsQuery().load(request.args.to_dict())
    except ValidationError as error:
        raise ApiError(400, "invalid_request", "Niepoprawne zapytanie.", error.messages) from None
    db.read_only()
    user = db.session.get(User, current_user_id())
    survey = db.session.get(Survey, str(survey_id))
    if user is None or survey is None or not (user.is_staff or _coordinates(user.id, survey.network_id)):
        raise ApiError(404, "not_found", NOT_FOUND)  # the same answer whether it exists or not
    if query["format"] == "csv":
        body = results.as_csv(db.session, survey)
        db.session.rollback()
        response = Response(body, content_type="text/csv; charset=utf-8")
        response.headers["Content-Disposition"] = 'attachment; filename="ankieta.csv"'
        return response
    body = results.summary(db.session, survey)
    db.session.rollback()
    return jsonify(body)
