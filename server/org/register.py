"""What org tells the engine: schools and the Poradnia on devices, their mutators and `staff.set`;
and where it takes part in lower domains (a profile's school, a logo kept by files' cleanup)."""
from __future__ import annotations

from sync import Registry

from server.accounts import profile
from server.files import cleanup
from server.networks import membership
from server.org import schemas, services
from server.org.models import Poradnia, School


def serialize_school(school: School) -> dict:
    return {"id": school.id, "name": school.name, "town": school.town, "kind": school.kind, "rspo": school.rspo}


def serialize_poradnia(p: Poradnia) -> dict:
    logo = f"/api/poradnia/logo?v={p.logo_sha256[:12]}" if p.logo_sha256 else None
    return {"id": p.id, "name": p.name, "address": p.address, "email": p.email, "logo_url": logo}


def register(registry: Registry) -> None:
    registry.row_type("school", serialize_school)
    registry.row_type("poradnia", serialize_poradnia)
    registry.mutator("school.create", schemas.SchoolCreate())(services.create_school)
    registry.mutator("school.update", schemas.SchoolUpdate())(services.update_school)
    registry.mutator("poradnia.update", schemas.PoradniaUpdate())(services.update_poradnia)
    registry.mutator("staff.set", schemas.StaffSet())(services.set_staff)
    profile.checks.connect(services.check_school)
    cleanup.kept.connect(services.logo_column)
    membership.school_named.connect(services.school_label)
