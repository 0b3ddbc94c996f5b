"""Mutators for the Poradnia's details, its schools and its staff."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sync import Rejected
from sync.context import MutationContext

from server.accounts import audit
from server.accounts import publish as people
from server.accounts import rights
from server.accounts.models import User
from server.accounts.services import find_user_by_email
from server.files.models import FileUpload, StoredFile
from server.org.models import Poradnia, School
from server.scopes import CATALOG


def check_school(ctx: MutationContext, args: dict) -> None:
    """A profile names a school org knows (connected to accounts' profile checks)."""
    if args.get("school_id") and ctx.session.get(School, str(args["school_id"])) is None:
        raise Rejected("invalid", "Nie ma takiej szkoły.", {"school_id": ["Wybierz szkołę z listy."]})


def logo(session: Session) -> StoredFile | None:
    """The stored file of the Poradnia's logo, when it has one."""
    poradnia = session.scalars(select(Poradnia)).first()
    return session.get(StoredFile, poradnia.logo_sha256) if poradnia and poradnia.logo_sha256 else None


def logo_column():
    """The Poradnia's logo is a stored file too, kept while it is the logo (files' cleanup asks)."""
    return Poradnia.logo_sha256


def publish_school(ctx: MutationContext, school: School) -> None:
    ctx.put("school", school, [CATALOG])


def create_school(ctx: MutationContext, args: dict) -> None:
    rights.require_staff(ctx)
    publish_school(ctx, School(id=str(args["id"]), name=args["name"], town=args["town"], kind=args["kind"],
                               rspo=args["rspo"]))


def update_school(ctx: MutationContext, args: dict) -> None:
    rights.require_staff(ctx)
    school = ctx.session.get(School, str(args["id"]))
    if school is None:
        raise Rejected("not_found", "Nie ma takiej szkoły.")
    for key in ("name", "town", "kind", "rspo"):
        if key in args:
            setattr(school, key, args[key])
    publish_school(ctx, school)


def update_poradnia(ctx: MutationContext, args: dict) -> None:
    rights.require_admin(ctx)
    poradnia = ctx.session.scalars(select(Poradnia)).first()
    if poradnia is None:
        raise Rejected("not_found", "Poradnia nie jest jeszcze opisana.")
    if args.get("logo_sha256"):
        _require_own_image(ctx, args["logo_sha256"])
    for key in ("name", "address", "email", "logo_sha256"):
        if key in args:
            setattr(poradnia, key, args[key])
    ctx.put("poradnia", poradnia, [CATALOG])


def _require_own_image(ctx: MutationContext, sha256: str) -> None:
    """Like attachments: only bytes she uploaded herself, and only an image."""
    stored = ctx.session.get(StoredFile, sha256)
    if stored is None or ctx.session.get(FileUpload, (sha256, ctx.user_id)) is None:
        raise Rejected("file_missing", "Najpierw prześlij plik z logo.", {"logo_sha256": ["Brak pliku."]})
    if not stored.mime.startswith("image/"):
        raise Rejected("invalid", "Logo musi być obrazem (JPEG, PNG, GIF lub WebP).", {"logo_sha256": ["To nie jest obraz."]})


def set_staff(ctx: MutationContext, args: dict) -> None:
    """Name a person by id, or by e-mail when the admin's phone does not hold her row."""
    rights.require_admin(ctx)
    if args.get("user_id"):
        user = ctx.session.get(User, str(args["user_id"]))
        if user is None:
            raise Rejected("not_found", "Nie ma takiej osoby.")
    else:
        user = find_user_by_email(ctx.session, args["email"])
        if user is None:
            raise Rejected("not_found", "Nie ma konta z takim adresem.", {"email": ["Ta osoba musi najpierw mieć konto."]})
    if user.id == ctx.user_id and not (args["is_staff"] and args["is_admin"]):
        raise Rejected("forbidden", "Nie możesz odebrać sobie uprawnień administratora.")
    user.is_staff, user.is_admin = args["is_staff"], args["is_staff"] and args["is_admin"]
    people.person(ctx, user)
    audit.record(ctx, "staff.set", user.id, is_staff=user.is_staff, is_admin=user.is_admin)


def school_label(session: Session, school_id: str) -> str | None:
    """"SP nr 5, Lublin": a school as a letter names it."""
    school = session.get(School, school_id)
    return f"{school.name}, {school.town}" if school else None
