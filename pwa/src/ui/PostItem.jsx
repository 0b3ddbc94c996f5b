/**
 * One post: author, time, the post it quotes, its text (Markdown, sanitized),
 * files, "pomocne", and what she may do with it: reply quoting it, edit and
 * delete her own (with a confirmation; the edit history stays visible), add
 * it to the good practices. The edit text is a draft kept on the device too.
 */
import { useState } from 'preact/hooks';
import { editPost, deletePost, removeAttachment, BODY_MAX } from '../sync/index.js';
import { useDraft } from './hooks.js';
import { t } from './i18n.js';
import { formatTime } from './format.js';
import { Confirm, PendingMarker } from './bits.jsx';
import { FieldError, refusal } from './forms.jsx';
import { EditedNote, HelpfulButton, PostBody, QuoteBlock } from './forum/PostParts.jsx';
import { AttachmentList } from './forum/Attachments.jsx';
import { PromoteForm } from './library/PromoteForm.jsx';
import { Icon } from './forum/Icon.jsx';

/**
 * @typedef {{meId: string, names: Map<string, string>, local: Set<string>, canReply: boolean,
 *   canPromote: boolean, onQuote: (post: any) => void}} PostContext
 * @param {{post: any, mine: boolean, editable: boolean, author: string|undefined, ctx: PostContext,
 *   quoted?: any, reactions?: any[], revisions?: any[], attachments?: any[], promotedTo?: string|null}} props
 */
export function PostItem({ post, mine, editable, author, ctx, quoted, reactions = [], revisions = [], attachments = [], promotedTo }) {
  const [mode, setMode] = useState(/** @type {'view'|'edit'|'delete'|'promote'} */ ('view'));
  const mentionNames = (post.mentions || []).map((/** @type {string} */ id) => ctx.names.get(id) || '');

  return (
    <li id={`post-${post.id}`} class={`post${mine ? ' mine' : ''}${post.pending ? ' is-pending' : ''}`} data-testid="post-item" data-post-id={post.id}>
      <div class="post-head">
        <span class="post-author" data-testid="post-author">
          {author || t('thread.unknownAuthor')}
          {mine && <span class="you"> ({t('thread.you')})</span>}
        </span>
        <time class="post-time" dateTime={post.created_at}>{formatTime(post.created_at)}</time>
      </div>
      {post.reply_to_id && <QuoteBlock quoted={quoted} author={quoted && ctx.names.get(quoted.author_id)} />}
      {mode === 'edit' ? (
        <EditForm post={post} onDone={() => setMode('view')} />
      ) : (
        <PostBody body={post.body} mentionNames={mentionNames} />
      )}
      <AttachmentList attachments={attachments} local={ctx.local} onRemove={editable ? removeAttachment : undefined} />
      <EditedNote post={post} revisions={revisions} />
      {promotedTo && (
        <a class="badge badge-practice" href={`#/r/${promotedTo}`} data-testid="post-promoted"><Icon name="book" size={16} /> {t('library.promotedBadge')}</a>
      )}
      {post.pending && <PendingMarker />}
      {mode === 'view' && (
        <div class="post-actions">
          <HelpfulButton postId={post.id} reactions={reactions} meId={ctx.meId} mine={mine} canReact={ctx.canReply} names={ctx.names} />
          {ctx.canReply && (
            <button type="button" class="btn-link" data-testid="post-quote-reply" onClick={() => ctx.onQuote(post)}>
              {t('forum.quoteReply')}
            </button>
          )}
          {editable && (
            <>
              <button type="button" class="btn-link" data-testid="post-edit" onClick={() => setMode('edit')}>{t('thread.edit')}</button>
              <button type="button" class="btn-link danger" data-testid="post-delete" onClick={() => setMode('delete')}>{t('thread.delete')}</button>
            </>
          )}
          {ctx.canPromote && !promotedTo && !post.pending && (
            <button type="button" class="btn-link" data-testid="post-promote" onClick={() => setMode('promote')}>{t('library.promote')}</button>
          )}
        </div>
      )}
      {mode === 'delete' && (
        <Confirm question={t('thread.deleteQuestion')} yes={t('thread.deleteConfirm')}
          onYes={() => deletePost(post.id).finally(() => setMode('view'))} onNo={() => setMode('view')}
          testid="delete-confirm" yesTestid="delete-yes" />
      )}
      {mode === 'promote' && <PromoteForm post={post} onDone={() => setMode('view')} />}
    </li>
  );
}

/** @param {{post: any, onDone: () => void}} props */
function EditForm({ post, onDone }) {
  const [value, setText, clear] = useDraft(`edit:${post.id}`, post.body);
  const [error, setError] = useState('');

  /** @param {Event} e */
  const save = async (e) => {
    e.preventDefault();
    const body = value.trim();
    if (body !== post.body) {
      try {
        await editPost(post.id, body);
      } catch (err) {
        const { body: refused, form } = refusal(err);
        return setError(refused || form);
      }
    }
    clear();
    onDone();
  };

  return (
    <form class="form" onSubmit={save} data-testid="edit-form">
      <textarea rows={5} value={value} aria-label={t('thread.edit')}
        onInput={(e) => setText(/** @type {HTMLTextAreaElement} */ (e.currentTarget).value)} data-testid="edit-input" />
      <FieldError error={error} max={BODY_MAX} />
      <div class="row">
        <button type="submit" class="btn-primary" data-testid="edit-save">{t('thread.save')}</button>
        <button type="button" class="btn-secondary" onClick={() => { clear(); onDone(); }}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
