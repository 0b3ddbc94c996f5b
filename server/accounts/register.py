"""What accounts tell the engine: people on devices (names for fellow members, the whole
profile for its owner) and `profile.update`."""
from __future__ import annotations

from sync import Registry

from server.accounts import calendar_token, contacts, profile, schemas, sessions
from server.accounts.models import User


def serialize_user(user: User) -> dict:
    return {
        "id": user.id,
        "name": user.name,
        "school_id": user.school_id,
        "function": user.function,
        "form_of_address": user.form_of_address,
        "subjects": user.subjects or [],
        "lang": user.lang,  # her letters' language: the app sends profile.update when she switches
        "is_staff": user.is_staff,
        "is_admin": user.is_admin,
        "deleted": user.deleted_at is not None,  # her account was deleted: the PWA shows "Konto usunięte"
    }


def register(registry: Registry) -> None:
    registry.row_type("user", serialize_user)
    registry.row_type("contact", contacts.serialize_contact, model=User)
    registry.mutator("profile.update", schemas.ProfileUpdate())(profile.update_profile)
    registry.mutator("calendar.reset", schemas.CalendarReset())(calendar_token.reset)
    registry.row_type("session", sessions.serialize_session)
    registry.mutator("session.revoke", schemas.SessionRevoke())(sessions.revoke)
    registry.mutator("session.revoke_others", schemas.SessionRevokeOthers())(sessions.revoke_others)
