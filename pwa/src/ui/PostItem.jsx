/**
 * One post: author, time, text; for her own posts, edit and delete (with a
 * confirmation). The edit text is a draft kept on the device too.
 */
import { useState } from 'preact/hooks';
import { editPost, deletePost, BODY_MAX } from '../sync/index.js';
import { useDraft } from './hooks.js';
import { t } from './i18n.js';
import { formatTime } from './format.js';
import { FieldError, PendingMarker, PlainText } from './bits.jsx';

/**
 * @param {{post: any, mine: boolean, editable: boolean, author: string|undefined}} props
 */
export function PostItem({ post, mine, editable, author }) {
  const [mode, setMode] = useState(/** @type {'view'|'edit'|'delete'} */ ('view'));

  return (
    <li class={`post${mine ? ' mine' : ''}${post.pending ? ' is-pending' : ''}`} data-testid="post-item" data-post-id={post.id}>
      <div class="post-head">
        <span class="post-author" data-testid="post-author">
          {author || t('thread.unknownAuthor')}
          {mine && <span class="you"> ({t('thread.you')})</span>}
        </span>
        <time class="post-time" dateTime={post.created_at}>
          {formatTime(post.created_at)}
          {post.edited_at && ` · ${t('thread.edited')}`}
        </time>
      </div>
      {mode === 'edit' ? (
        <EditForm post={post} onDone={() => setMode('view')} />
      ) : (
        <PlainText text={post.body} testid="post-body" />
      )}
      {post.pending && <PendingMarker />}
      {editable && mode === 'view' && (
        <div class="post-actions">
          <button type="button" class="btn-link" data-testid="post-edit" onClick={() => setMode('edit')}>
            {t('thread.edit')}
          </button>
          <button type="button" class="btn-link danger" data-testid="post-delete" onClick={() => setMode('delete')}>
            {t('thread.delete')}
          </button>
        </div>
      )}
      {mode === 'delete' && (
        <div class="confirm" role="alertdialog" data-testid="delete-confirm">
          <p>{t('thread.deleteQuestion')}</p>
          <div class="row">
            <button
              type="button"
              class="btn-danger"
              data-testid="delete-yes"
              onClick={() => deletePost(post.id).finally(() => setMode('view'))}
            >
              {t('thread.deleteConfirm')}
            </button>
            <button type="button" class="btn-secondary" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
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
    if (!body) return setError('required');
    if (body.length > BODY_MAX) return setError('too_long');
    if (body !== post.body) await editPost(post.id, body);
    clear();
    onDone();
  };

  return (
    <form class="form" onSubmit={save} data-testid="edit-form">
      <textarea
        rows={5}
        value={value}
        aria-label={t('thread.edit')}
        onInput={(e) => setText(/** @type {HTMLTextAreaElement} */ (e.currentTarget).value)}
        data-testid="edit-input"
      />
      <FieldError error={error} max={BODY_MAX} />
      <div class="row">
        <button type="submit" class="btn-primary" data-testid="edit-save">
          {t('thread.save')}
        </button>
        <button
          type="button"
          class="btn-secondary"
          onClick={() => {
            clear();
            onDone();
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
