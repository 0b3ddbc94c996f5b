"""Who may download an attachment: active members of its network (experts until their end date)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.files import holders
from server.files.models import Attachment
from server.networks import rights
from server.networks.models import Membership


def readable(session: Session, attachment_id: str, user_id: str) -> Attachment | None:
    """The attachment when she may read it; None when it is gone or not hers to see (the same 404)."""
    attachment = session.get(Attachment, attachment_id)
    if attachment is None or attachment.deleted_at is not None:
        return None
    _holder, parent = holders.find(session, attachment)
    if holders.gone(parent):
        return None
    member = session.scalars(
        select(Membership).where(Membership.network_id == attachment.network_id, Membership.user_id == user_id)
    ).first()
    return attachment if rights.is_active(member) else None
