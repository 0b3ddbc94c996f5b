"""A tiny domain for testing the engine on its own: notes on boards.

It shows what any Krąg domain does: its own tables, mutators that check first
and write last, a serializer per row type and a visibility rule.
"""
from __future__ import annotations

from marshmallow import Schema, fields, validate
from sqlalchemy import String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from sync import Registry, Rejected
from sync.context import MutationContext


class NotesBase(DeclarativeBase):
    pass


class Note(NotesBase):
    __tablename__ = "note"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    board: Mapped[str] = mapped_column(String(20))
    owner: Mapped[str] = mapped_column(String(36))
    text: Mapped[str] = mapped_column(String(200))
    deleted: Mapped[bool] = mapped_column(default=False)


class Access(NotesBase):
    __tablename__ = "access"
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    board: Mapped[str] = mapped_column(String(20), primary_key=True)


class NoteCreate(Schema):
    id = fields.String(required=True)
    board = fields.String(required=True)
    text = fields.String(required=True, validate=validate.Length(min=1, max=200))


class NoteId(Schema):
    id = fields.String(required=True)


def scope(board: str) -> str:
    return f"board:{board}"


def can_see(session: Session, user_id: str, board: str) -> bool:
    return session.get(Access, (user_id, board)) is not None


def build_registry() -> Registry:
    registry = Registry()
    registry.row_type("note", lambda n: {"id": n.id, "board": n.board, "text": n.text}, model=Note)

    @registry.visibility
    def boards(session: Session, user_id: str) -> set[str]:
        return {scope(b) for b in session.scalars(select(Access.board).where(Access.user_id == user_id))}

    @registry.mutator("note.create", NoteCreate())
    def create(ctx: MutationContext, args: dict) -> None:
        if not can_see(ctx.session, ctx.user_id, args["board"]):
            raise Rejected("forbidden", "not your board")
        ctx.put("note", Note(owner=ctx.user_id, **args), [scope(args["board"])])

    @registry.mutator("note.delete", NoteId())
    def delete(ctx: MutationContext, args: dict) -> None:
        note = ctx.session.get(Note, args["id"])
        if note is None or note.deleted:
            raise Rejected("not_found", "no such note")
        note.deleted = True
        ctx.add(note)
        ctx.delete("note", note.id, [scope(note.board)])

    @registry.mutator("note.refuse_late", NoteCreate())
    def refuse_late(ctx: MutationContext, args: dict) -> None:
        ctx.put("note", Note(owner=ctx.user_id, **args), [scope(args["board"])])
        raise Rejected("forbidden", "changed my mind after writing")  # a bug on purpose

    @registry.mutator("note.insert", NoteCreate())
    def insert(ctx: MutationContext, args: dict) -> None:
        """A plain INSERT, tallied per board when the batch ends."""
        if not can_see(ctx.session, ctx.user_id, args["board"]):
            raise Rejected("forbidden", "not your board")
        values = {"owner": ctx.user_id, "deleted": False, **args}
        ctx.insert("note", Note.__table__, values, [scope(args["board"])])
        ctx.collect(("tally", args["board"]), args["id"], lambda ctx, ids: tally(ctx, args["board"], ids))

    @registry.mutator("note.insert_refuse_late", NoteCreate())
    def insert_refuse_late(ctx: MutationContext, args: dict) -> None:
        ctx.insert("note", Note.__table__, {"owner": ctx.user_id, "deleted": False, **args}, [scope(args["board"])])
        raise Rejected("forbidden", "changed my mind after writing")  # a bug on purpose

    return registry


def tally(ctx: MutationContext, board: str, ids: list[str]) -> None:
    """One row per board saying which notes the batch added."""
    row = ctx.session.get(Note, f"tally-{board}") or Note(id=f"tally-{board}", board=board, owner="engine", text="")
    row.text = " ".join(filter(None, [row.text, *ids]))
    ctx.put("note", row, [scope(board)])
