"""The Poradnia itself and the schools its people come from."""
from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, new_id

SCHOOL_KINDS = (
    "przedszkole",
    "szkoła podstawowa",
    "liceum ogólnokształcące",
    "technikum",
    "szkoła branżowa",
    "szkoła specjalna",
    "zespół szkół",
    "inna placówka",
)


class Poradnia(Base):
    __tablename__ = "poradnia"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))  # the default meeting place
    email: Mapped[str | None] = mapped_column(String(254))
    logo_sha256: Mapped[str | None] = mapped_column(String(64))


class School(Base):
    __tablename__ = "school"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    town: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(40), default="szkoła podstawowa")
    rspo: Mapped[str | None] = mapped_column(String(20))  # the national school register number
