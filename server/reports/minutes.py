"""A meeting's minutes on paper: the co-edited document `minutes:<meeting id>` as the server
holds it (snapshot and updates, merged), under a header of the meeting — its title, date and
time, place, and who attended — as PDF or DOCX; and the annual report's place for them: each
meeting held in the school year with its minutes."""
from __future__ import annotations

from sqlalchemy import select
from sync.docs import DocStore

from server.meetings.models import Attendance, Meeting
from server.networks.models import Network
from server.reports import richtext, sections
from server.reports.document import NONE, Document, Facts, Items, Paragraph, Rich, Run, Section
from server.reports.gather import letterhead, people, year_of
from server.reports.period import WARSAW, day

TITLE = "Protokoły spotkań"
EMPTY = "Protokół tego spotkania nie został napisany w Kręgu."
NONE_HELD = "W tym roku szkolnym nie odbyło się jeszcze żadne spotkanie sieci."


def doc_id(meeting_id: str) -> str:
    return f"minutes:{meeting_id}"


def written(session, meeting_id: str) -> list:
    """The minutes' blocks, read inside the caller's transaction; [] when nothing is written."""
    update, seq = DocStore().read(session, doc_id(meeting_id))
    return richtext.blocks(update) if seq else []


def when(m: Meeting) -> str:
    starts, ends = m.starts_at.astimezone(WARSAW), m.ends_at.astimezone(WARSAW)
    until = ends.strftime("%H:%M") if ends.date() == starts.date() else ends.strftime("%d.%m.%Y %H:%M")
    return f"{day(starts)}, {starts.strftime('%H:%M')}–{until}"


def attended(session, m: Meeting) -> list[str]:
    """Names of those marked present, by name."""
    ids = session.scalars(select(Attendance.user_id).where(Attendance.meeting_id == m.id,
                                                           Attendance.present.is_(True))).all()
    return sorted((p.name for p in people(session, ids).values()), key=str.lower)


def header(session, m: Meeting) -> Facts:
    present = attended(session, m)
    experts = sorted((p.name for p in people(session, m.expert_ids or []).values()), key=str.lower)
    items = [("Data", when(m)), ("Miejsce", m.place or ("online" if m.online_url else NONE)),
              (f"Obecni ({len(present)})", ", ".join(present) or NONE)]
    if experts:
        items.append(("Eksperci", ", ".join(experts)))
    if m.status == "cancelled":
        items.append(("Uwaga", "spotkanie odwołane"))
    return Facts(items)


def build(session, m: Meeting) -> Document:
    network = session.get(Network, m.network_id)
    text = written(session, m.id) or [Paragraph(EMPTY)]
    return Document(
        letterhead=letterhead(session),
        title=f"Protokół spotkania: {m.title}",
        subtitle=network.name if network else "",
        sections=[Section("Spotkanie", [header(session, m)]), Section("Protokół", text)],
        filename=f"protokol-{m.starts_at.astimezone(WARSAW).strftime('%Y-%m-%d')}",
    )


def in_report(s: sections.Subject) -> Section:
    """Each meeting held in the year (oldest first): its title and header, then its minutes."""
    held = year_of(s).held
    if not held:
        return Section(TITLE, [Paragraph(NONE_HELD)])
    blocks: list = []
    for i, m in enumerate(held, 1):
        blocks.append(Rich([Run(f"{i}. {m.title}", bold=True)], level=2))
        blocks.append(header(s.session, m))
        blocks += [_under_title(b) for b in written(s.session, m.id)] or [Paragraph(EMPTY)]
    return Section(TITLE, blocks)


def _under_title(block):
    """The minutes' own headings print below the meeting's title (the smallest heading there is)."""
    if isinstance(block, Rich) and block.level:
        return Rich(block.runs, level=richtext.MAX_LEVEL)
    if isinstance(block, Items):
        return Items([[_under_title(b) for b in item] for item in block.items], block.ordered, block.start)
    return block
