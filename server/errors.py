"""One error shape everywhere: {"error": {"code", "message", "fields"?}}."""
from __future__ import annotations

import logging

from flask import Flask, jsonify
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, fields: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    err = {"code": code, "message": message}
    if fields:
        err["fields"] = fields
    return {"error": err}


def respond(status: int, code: str, message: str, fields: dict | None = None):
    return jsonify(error_body(code, message, fields)), status


_HTTP_CODES = {
    400: ("invalid_request", "Niepoprawne żądanie."),
    401: ("unauthorized", "Zaloguj się, aby kontynuować."),
    403: ("forbidden", "Brak uprawnień."),
    404: ("not_found", "Nie znaleziono."),
    405: ("method_not_allowed", "Ta metoda nie jest obsługiwana."),
    413: ("too_large", "Przesłane dane są za duże."),
    415: ("unsupported_media_type", "Nieobsługiwany typ danych."),
}


def init_app(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):
        return respond(exc.status, exc.code, exc.message, exc.fields)

    @app.errorhandler(ValidationError)
    def _validation(exc: ValidationError):
        fields = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
        return respond(400, "invalid_request", "Niepoprawne dane.", fields)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        code, message = _HTTP_CODES.get(exc.code or 500, ("http_error", exc.description or "Błąd."))
        return respond(exc.code or 500, code, message)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unhandled error")
        return respond(500, "internal", "Wystąpił błąd serwera. Spróbuj ponownie za chwilę.")
