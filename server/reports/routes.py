"""Reports and certificates to download: a network's annual report (its coordinator, staff), the
Poradnia's summary (staff), her certificate (hers; staff name anyone's), and for staff every
participant's certificate state and all the issued ones as one ZIP. GETs only read: a
certificate is issued by the `certificate.issue` mutation, then rendered here."""
from __future__ import annotations

from uuid import UUID

from flask import Blueprint, Response, current_app, jsonify, request
from sqlalchemy import select

from server.accounts.auth import current_user_id, login_required
from server.accounts.models import User
from server.db import utcnow
from server.errors import ApiError
from server.extensions import db
from server.networks.models import Membership, Network
from server.reports import certificate_pdf, pdf, report, roster, schemas, summary, word
from server.reports.certificates import current
from server.reports.gather import letterhead
from server.reports.models import Certificate
from server.reports.period import SchoolYear

bp = Blueprint("reports", __name__)
report_query, summary_query, certificate_query = schemas.ReportQuery(), schemas.SummaryQuery(), schemas.CertificateQuery()
year_query = schemas.Query()
TYPES = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8", "zip": "application/zip",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
RENDER = {"pdf": pdf.render, "docx": word.render}
NO_NETWORK = "Nie ma takiej sieci."
REPORT_FORBIDDEN = "Sprawozdanie sieci pobiera jej koordynator albo pracownik poradni."
SUMMARY_FORBIDDEN = "Zestawienie wszystkich sieci pobierają pracownicy poradni."
OTHERS_FORBIDDEN = "Zaświadczenie innej osoby może pobrać tylko pracownik poradni."
ALL_FORBIDDEN = "Zaświadczenia wszystkich uczestników sieci widzą i pobierają tylko pracownicy poradni."
NONE_ISSUED = ("W tym roku szkolnym nie wystawiono jeszcze żadnego zaświadczenia tej sieci (albo wszystkie "
               "unieważniono). Wystaw je i pobierz ponownie.")
NOT_ISSUED = ("Zaświadczenie za ten rok szkolny nie zostało jeszcze wystawione. Wystaw je (certificate.issue) "
              "i pobierz ponownie.")


def _file(body: bytes, kind: str, filename: str) -> Response:
    response = Response(body, content_type=TYPES[kind])
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}.{kind}"'
    return response


def _me() -> User:
    user = db.session.get(User, current_user_id())
    if user is None:
        raise ApiError(401, "unauthorized", "Zaloguj się, aby kontynuować.")
    return user


def _network(network_id: UUID) -> Network:
    net = db.session.get(Network, str(network_id))
    if net is None:
        raise ApiError(404, "not_found", NO_NETWORK)
    return net


def _coordinates(user: User, network_id: str) -> bool:
    return db.session.scalars(select(Membership.id).where(
        Membership.network_id == network_id, Membership.user_id == user.id, Membership.role == "coordinator",
        Membership.status == "active")).first() is not None


@bp.get("/api/networks/<uuid:network_id>/report")
@login_required
def network_report(network_id: UUID):
    args = report_query.load(request.args)
    db.read_only()
    user, net = _me(), _network(network_id)
    if not (user.is_staff or _coordinates(user, net.id)):
        raise ApiError(403, "forbidden", REPORT_FORBIDDEN)
    doc = report.build(db.session, net, SchoolYear(args["year"]))
    db.session.rollback()
    return _file(RENDER[args["format"]](doc), args["format"], doc.filename)


@bp.get("/api/reports/summary")
@login_required
def poradnia_summary():
    args = summary_query.load(request.args)
    db.read_only()
    if not _me().is_staff:
        raise ApiError(403, "forbidden", SUMMARY_FORBIDDEN)
    year = SchoolYear(args["year"])
    if args["format"] == "csv":
        body, name = summary.as_csv(db.session, year), f"zestawienie-sieci-{year.start}-{year.start + 1}"
    else:
        doc = summary.build(db.session, year)
        body, name = RENDER[args["format"]](doc), doc.filename
    db.session.rollback()
    return _file(body, args["format"], name)


@bp.get("/api/networks/<uuid:network_id>/certificate")
@login_required
def certificate(network_id: UUID):
    args = certificate_query.load(request.args)
    db.read_only()
    user, net = _me(), _network(network_id)
    holder_id = args["user_id"] or user.id
    if holder_id != user.id and not user.is_staff:
        raise ApiError(403, "forbidden", OTHERS_FORBIDDEN)
    found: Certificate | None = current(db.session, net.id, SchoolYear(args["year"]), holder_id)
    if found is None:
        raise ApiError(409, "not_issued", NOT_ISSUED)
    holder = db.session.get(User, holder_id)
    body = certificate_pdf.render(found, letterhead(db.session), current_app.config["BASE_URL"],
                                  holder.form_of_address if holder else None)
    db.session.rollback()
    return _file(body, "pdf", f"zaswiadczenie-{found.seq}-{found.school_year.replace('/', '-')}")


def _staff_for(network_id: UUID) -> tuple[Network, SchoolYear]:
    """The network and year asked for, if she may see everyone's certificates there: as for
    someone else's single one, the Poradnia's staff (a network's coordinator is one)."""
    args = year_query.load(request.args)
    db.read_only()
    user, net = _me(), _network(network_id)
    if not user.is_staff:
        raise ApiError(403, "forbidden", ALL_FORBIDDEN)
    return net, SchoolYear(args["year"])


@bp.get("/api/networks/<uuid:network_id>/certificates")
@login_required
def certificates(network_id: UUID):
    net, year = _staff_for(network_id)
    rows = roster.roster(db.session, net.id, year, utcnow())
    db.session.rollback()
    return jsonify({"network_id": net.id, "school_year": year.label, "participants": rows})


@bp.get("/api/networks/<uuid:network_id>/certificates.zip")
@login_required
def certificates_zip(network_id: UUID):
    net, year = _staff_for(network_id)
    forms = dict(db.session.execute(select(User.id, User.form_of_address).join(
        Certificate, Certificate.user_id == User.id).where(Certificate.network_id == net.id)).all())
    body, count = roster.as_zip(db.session, net, year, letterhead(db.session), current_app.config["BASE_URL"], forms)
    db.session.rollback()
    if not count:
        raise ApiError(409, "not_issued", NONE_ISSUED)
    return _file(body, "zip", f"zaswiadczenia-{year.start}-{year.start + 1}")
