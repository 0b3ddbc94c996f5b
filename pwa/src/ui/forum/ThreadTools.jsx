/**
 * Above a thread's posts: her star, the coordinator's pin and lock, and
 * "Wcześniejsze wpisy" when the thread has more posts than the phone keeps
 * (fetched page by page when online; they stay, the thread was opened).
 */
import { useState } from 'preact/hooks';
import { starThread, pinThread, lockThread, moveThread, fetchOlderPosts, NetworkError } from '../../sync/index.js';
import { t } from '../i18n.js';
import { Icon } from './Icon.jsx';

/**
 * @param {{thread: Record<string, any>, starred: boolean, manager: boolean, reader: boolean,
 *   categories: Record<string, any>[], mayMove: boolean}} props mayMove: its author or the coordinator
 */
export function ThreadTools({ thread, starred, manager, reader, categories, mayMove }) {
  return (
    <div class="tools" data-testid="thread-tools">
      {thread.pinned && <span class="badge badge-muted" data-testid="thread-pinned-badge"><Icon name="pin" /> {t('forum.pinned')}</span>}
      {thread.locked && <span class="badge badge-muted" data-testid="thread-locked-badge"><Icon name="lock" /> {t('forum.locked')}</span>}
      {reader && (
        <button type="button" class={`chip${starred ? ' is-on' : ''}`} aria-pressed={starred} data-testid="thread-star"
          onClick={() => starThread(thread.id, !starred)}>
          {starred ? `★ ${t('forum.starred')}` : `☆ ${t('forum.star')}`}
        </button>
      )}
      {manager && (
        <>
          <button type="button" class="chip" data-testid="thread-pin" onClick={() => pinThread(thread.id, !thread.pinned)}>
            <Icon name="pin" /> {thread.pinned ? t('forum.unpin') : t('forum.pin')}
          </button>
          <button type="button" class="chip" data-testid="thread-lock" onClick={() => lockThread(thread.id, !thread.locked)}>
            <Icon name={thread.locked ? 'unlock' : 'lock'} /> {thread.locked ? t('forum.unlock') : t('forum.lock')}
          </button>
        </>
      )}
      {mayMove && categories.length > 0 && (
        <label class="move">
          <span>{t('forum.category')}</span>
          <select value={thread.category_id || ''} data-testid="thread-category"
            onChange={(e) => moveThread(thread.id, /** @type {HTMLSelectElement} */ (e.currentTarget).value || null)}>
            <option value="">{t('forum.noCategory')}</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}

/** @param {{thread: Record<string, any>, posts: Record<string, any>[], online: boolean}} props */
export function OlderPosts({ thread, posts, online }) {
  const [state, setState] = useState(/** @type {''|'busy'|'failed'|'done'} */ (''));
  const held = posts.filter((p) => !p.pending).length;
  const missing = (thread.post_count || 0) - posts.length;
  if (missing <= 0 || state === 'done') return null;
  const oldest = posts.find((p) => !p.pending)?.created_at || null;

  const fetchMore = async () => {
    setState('busy');
    try {
      const more = await fetchOlderPosts(thread.id, held ? oldest : null);
      setState(more ? '' : 'done');
    } catch (err) {
      setState('failed');
      if (!(err instanceof NetworkError)) console.error(err);
    }
  };

  return (
    <div class="older card" data-testid="older-posts">
      <p class="muted small">{t('forum.olderHidden', { n: missing })}</p>
      {online ? (
        <button type="button" class="btn-secondary" disabled={state === 'busy'} data-testid="older-fetch" onClick={fetchMore}>
          {state === 'busy' ? t('common.loading') : t('forum.olderFetch')}
        </button>
      ) : (
        <p class="hint">{t('forum.olderOffline')}</p>
      )}
      {state === 'failed' && <p class="field-error">{t('forum.olderFailed')}</p>}
    </div>
  );
}
