"""Demo data in Polish: a Poradnia, schools, people, two networks, a lively forum and the
mathematicians' meetings."""
from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.accounts import services as accounts
from server.accounts import publish as people_rows
from server.db import new_id, utcnow
from server.networks import publish
from server.networks.lifecycle import establish
from server.networks.membership import activate
from server.networks.models import Network
from server.networks.years import school_year
from server.org.models import Poradnia, School
from server.scopes import CATALOG
from server.syncing.engine import engine

SCHOOLS = [
    ("Szkoła Podstawowa nr 1 im. Marii Konopnickiej", "Brzozów"),
    ("Szkoła Podstawowa w Starej Wsi", "Stara Wieś"),
    ("Zespół Szkół w Humniskach", "Humniska"),
    ("Szkoła Podstawowa w Jasienicy Rosielnej", "Jasienica Rosielna"),
]

PEOPLE = [  # e-mail, name, school index
    ("anna.nowak@example.org", "Anna Nowak", 0),
    ("jan.kowalski@example.org", "Jan Kowalski", 1),
    ("ewa.wisniewska@example.org", "Ewa Wiśniewska", 2),
    ("piotr.zielinski@example.org", "Piotr Zieliński", 3),
    ("katarzyna.wojcik@example.org", "Katarzyna Wójcik", 2),
]

THREADS = [  # network key, author, title, first post, replies [(author, body)]
    ("math", "anna.nowak@example.org", "Jak uczyć ułamków w klasie 4?",
     "Szukam sposobu na ułamki, który trafi do czwartoklasistów. Próbowałam z pizzą z papieru, ale część klasy "
     "dalej się gubi. Co u Was działa?",
     [("jan.kowalski@example.org", "U mnie sprawdza się oś liczbowa narysowana kredą na boisku — dzieci same "
       "chodzą po ułamkach."),
      ("ewa.wisniewska@example.org", "Polecam klocki Cuisenaire’a. Mam scenariusz lekcji, mogę przesłać.")]),
    ("math", "jan.kowalski@example.org", "Próbny egzamin ósmoklasisty — wnioski",
     "Po próbnym egzaminie widzę, że najwięcej błędów jest w zadaniach otwartych z geometrii. "
     "Czy ktoś robił powtórki w formie stacji?",
     [("anna.nowak@example.org", "Tak, robiliśmy stacje w grupach po 4 osoby. Dzieci lepiej pamiętają, "
       "gdy same tłumaczą sobie rozwiązania.")]),
    ("math", "koordynator@example.org", "Plan spotkań na ten rok szkolny",
     "Drodzy, najbliższe spotkanie sieci odbędzie się w Poradni. Proszę o propozycje tematów do planu pracy.",
     []),
    ("gifted", "ewa.wisniewska@example.org", "Uczeń zdolny, który się nudzi",
     "Mam w klasie ucznia, który kończy zadania w 5 minut i potem przeszkadza. Jak go zaangażować, "
     "nie dając mu po prostu więcej tego samego?",
     [("piotr.zielinski@example.org", "Spróbuj projektu badawczego na kilka tygodni — u nas to zadziałało.")]),
]

WARSAW = ZoneInfo("Europe/Warsaw")
MEETINGS = [  # days from today, title, agenda [(time, topic, who)]
    (-14, "Ułamki bez lęku", [("15:00", "Powitanie, sprawy organizacyjne", "Małgorzata Lis"),
                              ("15:15", "Ułamki na osi liczbowej: warsztaty", "Jan Kowalski"),
                              ("16:45", "Wymiana materiałów", "")]),
    (14, "Egzamin ósmoklasisty: zadania otwarte", [("15:00", "Wnioski z próbnego egzaminu", "Jan Kowalski"),
                                                    ("16:00", "Stacje powtórkowe z geometrii", "Anna Nowak")]),
    (63, "Geometria w terenie", [(None, "Lekcje matematyki poza klasą", "Ewa Wiśniewska")]),
]


def _meetings(session: Session, network_id: str, coordinator_id: str, members: list[str]) -> None:
    """The network's school year so far: one meeting held, with attendance taken, the next ones planned."""
    today = utcnow().astimezone(WARSAW).date()
    with engine.writing(session, coordinator_id) as ctx:
        for days, title, agenda in MEETINGS:
            starts = datetime.combine(today + timedelta(days=days), time(15, 0), WARSAW)
            meeting_id = str(uuid.uuid4())
            engine.run(ctx, "meeting.create", {
                "id": meeting_id, "network_id": network_id, "title": title, "starts_at": starts.isoformat(),
                "ends_at": (starts + timedelta(hours=2)).isoformat(),
                "agenda": [{"time": t, "topic": topic, "who": who} for t, topic, who in agenda]})
            for i, user_id in enumerate(members if days < 0 else []):
                engine.run(ctx, "attendance.set", {"meeting_id": meeting_id, "user_id": user_id,
                                                   "present": i < 2, "at": (starts + timedelta(minutes=5)).isoformat()})


def seed(session: Session) -> bool:
    """Add the demo once; return False when it is already there."""
    if session.scalars(select(Poradnia)).first() is not None:
        return False
    year = school_year(utcnow().date())
    math = Network(
        name="Sieć matematyków", kind="subject", topic="matematyka", recruitment="open", school_year=year,
        description="Nauczyciele matematyki szkół podstawowych powiatu: wymiana pomysłów na lekcje i egzaminy.",
    )
    gifted = Network(
        name="Sieć nauczycieli pracujących z uczniem zdolnym", kind="problem", topic="uczeń zdolny",
        recruitment="closed", school_year=year, capacity=25,
        description="Jak rozpoznawać i wspierać uczniów zdolnych w zwykłej klasie.",
    )
    # The coordinator sets it all up, her own account first (made with the context's id).
    with engine.writing(session, new_id()) as ctx:
        poradnia = Poradnia(
            name="Poradnia Psychologiczno-Pedagogiczna w Brzozowie",
            address="ul. Armii Krajowej 14, 36-200 Brzozów",
            email="poradnia@example.org",
        )
        ctx.put("poradnia", poradnia, [CATALOG])
        schools = [School(name=name, town=town) for name, town in SCHOOLS]
        for school in schools:
            ctx.put("school", school, [CATALOG])
        coordinator = accounts.create_user(session, "koordynator@example.org", "Małgorzata Lis", is_staff=True,
                                           user_id=ctx.user_id)
        coordinator.is_admin = True
        people = {email: accounts.create_user(session, email, name, school_id=schools[i].id)
                  for email, name, i in PEOPLE}
        people["piotr.zielinski@example.org"].function = "director"
        subjects = (["matematyka"], ["matematyka", "fizyka"], ["matematyka"], ["biologia"], ["język polski"])
        for someone, theirs in zip(people.values(), subjects):
            someone.subjects = theirs
        people[coordinator.email] = coordinator
        for someone in people.values():
            people_rows.person(ctx, someone)
        for network, emails in (
            (math, ("anna.nowak@example.org", "jan.kowalski@example.org", "ewa.wisniewska@example.org")),
            (gifted, ("ewa.wisniewska@example.org", "piotr.zielinski@example.org", "katarzyna.wojcik@example.org")),
        ):
            establish(ctx, network)
            publish.network(ctx, network)
            activate(ctx, network, coordinator.id, "coordinator")
            for email in emails:
                activate(ctx, network, people[email].id, "member")

    ids = {"math": math.id, "gifted": gifted.id}
    for key, author, title, body, replies in THREADS:
        thread_id = str(uuid.uuid4())
        with engine.writing(session, people[author].id) as ctx:
            engine.run(ctx, "thread.create", {"id": thread_id, "network_id": ids[key], "title": title, "body": body})
        for reply_author, reply in replies:
            with engine.writing(session, people[reply_author].id) as ctx:
                engine.run(ctx, "post.create", {"id": str(uuid.uuid4()), "thread_id": thread_id, "body": reply})
    _meetings(session, math.id, coordinator.id,
              [people[e].id for e in ("anna.nowak@example.org", "jan.kowalski@example.org", "ewa.wisniewska@example.org")])
    return True
