"""A network's finished school year with Polish names, as the server builds it: the Poradnia,
schools, a coordinator, members, meetings held with attendance and a corrected hour."""
from __future__ import annotations

import io
import uuid
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone

from docx import Document as Docx
from pypdf import PdfReader

from server.accounts import services as accounts
from server.accounts.publish import person
from server.db import new_id
from server.extensions import db
from server.forum import categories
from server.networks import publish
from server.networks.membership import activate
from server.networks.models import Network
from server.networks.years import school_year
from server.org.models import Poradnia, School
from server.scopes import CATALOG
from server.syncing.engine import engine
from tests.integration.meetings_helpers import WARSAW

PORADNIA = "Poradnia Psychologiczno-Pedagogiczna nr 2 w Łodzi"
ADDRESS = "ul. Źródłowa 5, 91-733 Łódź"
PEOPLE = {  # role key → (e-mail, name, school index or None)
    "coordinator": ("koordynatorka@poradnia.example", "Małgorzata Żółtowska", None),
    "zaneta": ("zaneta.lecka@szkola.example", "Żaneta Łęcka", 0),
    "grzegorz": ("grzegorz@szkola.example", "Grzegorz Brzęczyszczykiewicz", 1),
    "slawomir": ("slawomir@szkola.example", "Sławomir Ćwikła", 0),
    "expert": ("ekspertka@uczelnia.example", "Dr Ewa Świątek", None),
    "staff": ("pracownik@poradnia.example", "Jadwiga Śliwińska", None),
    "outsider": ("obcy@szkola.example", "Łukasz Obcy", 1),
}


@dataclass
class Year:
    start: int
    network_id: str
    users: dict[str, str] = field(default_factory=dict)
    emails: dict[str, str] = field(default_factory=dict)
    meetings: list[str] = field(default_factory=list)


def finished_year() -> int:
    """The school year before today's: wholly past, whatever day the tests run."""
    return int(school_year(datetime.now(timezone.utc).date()).split("/")[0]) - 1


def at(start: int, month: int, day: int) -> datetime:
    year = start if month >= 9 else start + 1
    return datetime.combine(datetime(year, month, day).date(), time(15, 0), WARSAW)


def build(session, start: int | None = None) -> Year:
    start = start or finished_year()
    with engine.writing(session, new_id()) as ctx:
        ctx.put("poradnia", Poradnia(name=PORADNIA, address=ADDRESS, email="sekretariat@poradnia.example"), [CATALOG])
        schools = [School(name="Szkoła Podstawowa nr 7 im. Józefa Piłsudskiego", town="Łódź"),
                   School(name="Zespół Szkół w Zgierzu", town="Zgierz")]
        for s in schools:
            ctx.put("school", s, [CATALOG])
        session.flush()
        users = {}
        for key, (email, name, school) in PEOPLE.items():
            users[key] = accounts.create_user(session, email, name, is_staff=key in ("coordinator", "staff"),
                                              school_id=schools[school].id if school is not None else None)
            person(ctx, users[key])
        users["zaneta"].form_of_address = "pani"
        net = Network(name="Sieć nauczycieli edukacji wczesnoszkolnej „Źdźbło”", kind="problem",
                      topic="edukacja wczesnoszkolna", recruitment="open", school_year=f"{start}/{start + 1}")
        ctx.add(net)
        session.flush()
        publish.network(ctx, net)
        categories.add_defaults(ctx, net)
        activate(ctx, net, users["coordinator"].id, "coordinator")
        for key in ("zaneta", "grzegorz", "slawomir"):
            activate(ctx, net, users[key].id, "member")
        activate(ctx, net, users["expert"].id, "expert", datetime.now(timezone.utc) + timedelta(days=400))
    y = Year(start, net.id, {k: u.id for k, u in users.items()}, {k: u.email for k, u in users.items()})
    return y


def meeting(y: Year, month: int, day: int, title: str, hours: float = 2, **extra) -> str:
    starts = at(y.start, month, day)
    args = {"id": str(uuid.uuid4()), "network_id": y.network_id, "title": title, "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=hours)).isoformat(), **extra}
    with engine.writing(db.session, y.users["coordinator"]) as ctx:
        engine.run(ctx, "meeting.create", args)
    y.meetings.append(args["id"])
    return args["id"]


def present(y: Year, meeting_id: str, *keys: str, hours: dict | None = None) -> None:
    with engine.writing(db.session, y.users["coordinator"]) as ctx:
        for key in keys:
            engine.run(ctx, "attendance.set", {"meeting_id": meeting_id, "user_id": y.users[key], "present": True,
                                               "at": datetime.now(timezone.utc).isoformat()})
        for key, h in (hours or {}).items():
            engine.run(ctx, "attendance.hours", {"meeting_id": meeting_id, "user_id": y.users[key], "hours": h})


def a_year(session) -> Year:
    """Three meetings held: Żaneta at all (one corrected to 1.5 h), Grzegorz at one; one cancelled."""
    y = build(session)
    first = meeting(y, 10, 14, "Dziecko w szkole — adaptacja", agenda=[{"time": "15:00", "topic": "Zabawy integracyjne",
                                                                          "who": "Dr Ewa Świątek"}],
                    expert_ids=[y.users["expert"]])
    second = meeting(y, 1, 20, "Ocenianie kształtujące", hours=3)
    third = meeting(y, 5, 12, "Gry planszowe w nauczaniu", hours=2.5)
    cancelled = meeting(y, 6, 2, "Spotkanie odwołane")
    with engine.writing(db.session, y.users["coordinator"]) as ctx:
        engine.run(ctx, "meeting.cancel", {"id": cancelled})
    present(y, first, "zaneta", "grzegorz")
    present(y, second, "zaneta", hours={"zaneta": 1.5})
    present(y, third, "zaneta")
    return y


def pdf_text(body: bytes) -> str:
    """Every page's text, its lines joined by single spaces (a PDF breaks lines where they fit)."""
    reader = PdfReader(io.BytesIO(body))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pdf_pages(body: bytes) -> int:
    return len(PdfReader(io.BytesIO(body)).pages)


def docx_text(body: bytes) -> str:
    doc = Docx(io.BytesIO(body))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)
