"""Certificates of taking part in a network (zaświadczenia): issued once, verified by a code, revocable."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, utcnow


class Certificate(Base):
    """What it says is kept as issued (her name, school, the meetings and hours), so the paper
    and its verification page never change after the fact; a correction is a revoke and a new one."""

    __tablename__ = "certificate"
    __table_args__ = (
        UniqueConstraint("school_year", "seq", name="uq_certificate_year_seq"),  # the number, once a year
        UniqueConstraint("code", name="uq_certificate_code"),
        Index("ix_certificate_holder", "network_id", "school_year", "user_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id", name="fk_certificate_network_id"))
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_certificate_user_id"), index=True)
    school_year: Mapped[str] = mapped_column(String(9))  # "2026/2027"
    seq: Mapped[int] = mapped_column(Integer)  # 12 in "12/2026/2027"
    code: Mapped[str] = mapped_column(String(16))  # in /v/<code>
    name: Mapped[str] = mapped_column(String(120))
    school: Mapped[str] = mapped_column(String(330), default="")
    network_name: Mapped[str] = mapped_column(String(200))
    coordinator: Mapped[str] = mapped_column(String(250), default="")
    meetings: Mapped[list[dict]] = mapped_column(JSON, default=list)  # [{date: "YYYY-MM-DD", title, hours}]
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    issued_by: Mapped[str] = mapped_column(ForeignKey("user_account.id", name="fk_certificate_issued_by"))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(ForeignKey("user_account.id", name="fk_certificate_revoked_by"))
    revoked_reason: Mapped[str | None] = mapped_column(Text)

    @property
    def number(self) -> str:
        return f"{self.seq}/{self.school_year}"
