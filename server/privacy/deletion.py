"""`account.delete`: her account is emptied, not dropped, so what others wrote around her stays
whole and what she keeps reads "Konto usunięte".

Gone at once: her name, address, school, subjects and feed (the row keeps its id and
``deleted_at``), passkeys, sign-in links, sessions (their sockets close after the commit),
notifications and their settings, what she read and starred, her answers to meetings, her
named survey answers (with the mark that she answered), waiting invitations and public
requests to her address, letters queued to it, and every row of her own scope in the change
log. Her memberships end ("left"), her join messages go. With ``remove_posts`` her posts and
good practices go too (their text emptied, their files detached).

Kept, without her name: posts she chose to keep, attendance and hours (a network's report
counts a participant "Konto usunięte": the Poradnia reports the training it gave), anonymous
survey answers (nothing ties them to her), certificates already issued (the Poradnia
confirms a document it issued; an employee can revoke one), requests for networks, and the
audit log (ids only, pruned after KRAG_AUDIT_DAYS).

Refused while she is the Poradnia's only administrator or the only coordinator of a network
that is not archived: someone must take over first."""
from __future__ import annotations

from sqlalchemy import delete, func, select
from sync import Rejected
from sync.context import MutationContext
from sync.models import SyncRow

from server.accounts import audit, sessions
from server.accounts import publish as people
from server.accounts import rights as staff_rights
from server.accounts.models import LoginToken, User, UserSession
from server.accounts.passkey_models import Passkey, WebauthnChallenge
from server.db import utcnow
from server.docs.models import DocPresence
from server.files import attachments
from server.files.models import FileUpload
from server.forum.models import Post, PostRevision, ThreadState
from server.forum.posts import count_posts
from server.forum.threads import thread
from server.library.models import Resource
from server.mailqueue.models import OutgoingMail
from server.meetings.models import Rsvp
from server.meetings.reminder_model import MeetingReminder
from server.networks import publish as networks
from server.networks.models import Invitation, Membership, Network, PublicRequest
from server.notifications.models import Notification, NotificationPref
from server.scopes import network_scope, user_scope
from server.surveys.models import Survey, SurveyAnswered, SurveyResponse

DELETED_NAME = "Konto usunięte"  # what letters, reports and the PWA show for her


def delete_account(ctx: MutationContext, args: dict) -> None:
    user = _whose(ctx, args["user_id"])
    _still_needed(ctx, user)
    audit.record(ctx, "account.deleted", user.id, remove_posts=args["remove_posts"])
    if args["remove_posts"]:
        _remove_writing(ctx, user.id)
    _sign_out_everywhere(ctx, user.id)
    _forget_own_things(ctx, user)
    _leave_networks(ctx, user.id)
    _empty(ctx, user)
    _sweep_own_scope(ctx, user.id)


def _whose(ctx: MutationContext, user_id) -> User:
    if user_id is not None and str(user_id) != ctx.user_id:
        staff_rights.require_admin(ctx)  # on her request, by the Poradnia's admin only
    user = ctx.session.get(User, str(user_id or ctx.user_id), with_for_update=True)
    if user is None or user.deleted_at is not None:
        raise Rejected("not_found", "Nie ma takiego konta albo zostało już usunięte.")
    return user


def _still_needed(ctx: MutationContext, user: User) -> None:
    """Someone must take over what only she does: a clear refusal, before anything is written."""
    if user.is_admin:
        others = ctx.session.scalar(select(func.count()).select_from(User).where(
            User.is_admin.is_(True), User.is_staff.is_(True), User.deleted_at.is_(None), User.id != user.id))
        if not others:
            raise Rejected("forbidden", "To konto jest jedynym kontem administratora poradni. Najpierw nadaj "
                                        "uprawnienia administratora innej osobie (Poradnia → Pracownicy).")
    led = ctx.session.scalars(select(Network).join(Membership, Membership.network_id == Network.id).where(
        Membership.user_id == user.id, Membership.role == "coordinator", Membership.status == "active",
        Network.status != "archived").order_by(Network.name)).all()
    alone = [n for n in led if not ctx.session.scalar(select(func.count()).select_from(Membership).where(
        Membership.network_id == n.id, Membership.role == "coordinator", Membership.status == "active",
        Membership.user_id != user.id))]
    if alone:
        names = ", ".join(f"„{n.name}”" for n in alone)
        raise Rejected("forbidden", f"To konto koordynuje sieci: {names}. Najpierw przekaż koordynację "
                                    "innemu pracownikowi poradni (Zarządzaj siecią → Koordynator).")


def _remove_writing(ctx: MutationContext, user_id: str) -> None:
    """Her posts and good practices, as post.delete and resource.delete leave them, text emptied."""
    for post in ctx.session.scalars(select(Post).where(Post.author_id == user_id, Post.deleted_at.is_(None))):
        post.deleted_at, post.body, post.mentions = utcnow(), "", []
        ctx.add(post)
        ctx.delete("post", post.id, [network_scope(post.network_id)])
        count_posts(ctx, thread(ctx, post.thread_id), -1)
        attachments.drop_all(ctx, post_id=post.id)
    revisions = ctx.session.scalars(select(PostRevision).join(Post, Post.id == PostRevision.post_id)
                                    .where(Post.author_id == user_id)).all()
    for revision in revisions:
        ctx.delete("post_revision", revision.id, _holding(ctx, "post_revision", revision.id))
        ctx.remove(revision)
    for practice in ctx.session.scalars(select(Resource).where(Resource.author_id == user_id,
                                                                Resource.deleted_at.is_(None))):
        practice.deleted_at, practice.description = utcnow(), ""
        ctx.add(practice)
        ctx.delete("resource", practice.id, [network_scope(practice.network_id)])
        attachments.drop_all(ctx, resource_id=practice.id)


def _sign_out_everywhere(ctx: MutationContext, user_id: str) -> None:
    """Her sessions end (their sockets close after the commit) and go, with devices and addresses."""
    sessions.end_all(ctx, user_id)
    for record in ctx.session.scalars(select(UserSession).where(UserSession.user_id == user_id)):
        ctx.remove(record)
    for passkey in ctx.session.scalars(select(Passkey).where(Passkey.user_id == user_id)):
        ctx.remove(passkey)
    ctx.session.execute(delete(WebauthnChallenge).where(WebauthnChallenge.user_id == user_id))
    ctx.session.execute(delete(LoginToken).where(LoginToken.user_id == user_id))


def _forget_own_things(ctx: MutationContext, user: User) -> None:
    """What was only hers to see or only about her; her scope's log rows go in _sweep_own_scope."""
    uid = user.id
    for model in (Notification, NotificationPref, ThreadState, MeetingReminder, FileUpload):
        ctx.session.execute(delete(model).where(model.user_id == uid))
    ctx.session.execute(delete(DocPresence).where(DocPresence.user_id == uid))
    for rsvp in ctx.session.scalars(select(Rsvp).where(Rsvp.user_id == uid)):
        ctx.delete("rsvp", rsvp.id, _holding(ctx, "rsvp", rsvp.id))
        ctx.remove(rsvp)
    named = select(Survey.id).where(Survey.anonymous.is_(False))
    for response in ctx.session.scalars(select(SurveyResponse).where(SurveyResponse.user_id == uid,
                                                                     SurveyResponse.survey_id.in_(named))):
        ctx.remove(response)
    for mark in ctx.session.scalars(select(SurveyAnswered).where(SurveyAnswered.user_id == uid,
                                                                 SurveyAnswered.survey_id.in_(named))):
        ctx.delete("survey_answered", mark.id, _holding(ctx, "survey_answered", mark.id))
        ctx.remove(mark)
    for invitation in ctx.session.scalars(select(Invitation).where(Invitation.email == user.email,
                                                                   Invitation.accepted_at.is_(None))):
        ctx.delete("invitation", invitation.id, _holding(ctx, "invitation", invitation.id))
        ctx.remove(invitation)
    ctx.session.execute(delete(PublicRequest).where(PublicRequest.email == user.email))
    ctx.session.execute(delete(OutgoingMail).where(OutgoingMail.to == user.email))


def _leave_networks(ctx: MutationContext, user_id: str) -> None:
    for m in ctx.session.scalars(select(Membership).where(Membership.user_id == user_id)):
        gone_from = _holding(ctx, "join_request", m.id)
        if m.status in ("active", "pending"):
            m.status, m.decided_at = "left", utcnow()
        m.message = None
        if gone_from:
            ctx.delete("join_request", m.id, gone_from)
        networks.membership(ctx, m)


def _empty(ctx: MutationContext, user: User) -> None:
    """Her row stays for what refers to it, with nothing of her: wherever it was published, the
    empty copy replaces it (her shared address goes from every network)."""
    user.name, user.email, user.school_id = DELETED_NAME, f"usuniete-{user.id}@konto-usuniete.invalid", None
    user.function, user.subjects, user.form_of_address = "teacher", [], None
    user.is_staff = user.is_admin = user.share_email = False
    user.calendar_token, user.deleted_at = None, utcnow()
    people.person(ctx, user)
    ctx.put("user", user, _holding(ctx, "user", user.id))
    contact_scopes = _holding(ctx, "contact", user.id)
    if contact_scopes:
        ctx.delete("contact", user.id, contact_scopes)


def _sweep_own_scope(ctx: MutationContext, user_id: str) -> None:
    """Nobody reads her scope any more: every row the change log keeps there loses its data."""
    scope = user_scope(user_id)
    logged = ctx.session.execute(select(SyncRow.type, SyncRow.row_id).where(SyncRow.scope == scope,
                                                                            SyncRow.op == "put")).all()
    staged = [(type_, row_id) for (s, type_, row_id), (op, _obj) in ctx.staged.items() if s == scope and op == "put"]
    for type_, row_id in {*logged, *staged}:
        ctx.delete(type_, row_id, [scope])


def _holding(ctx: MutationContext, type_: str, row_id) -> list[str]:
    """Every scope whose devices hold this row (the change log's puts)."""
    return list(ctx.session.scalars(select(SyncRow.scope).where(SyncRow.type == type_, SyncRow.row_id == str(row_id),
                                                                SyncRow.op == "put")))
