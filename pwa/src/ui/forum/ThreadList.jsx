/**
 * A network's threads: category tabs (and "Obserwowane"), pinned first, a
 * lock on closed ones, and how many posts are new since her last visit.
 * The coordinator manages the categories from here.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { formatTime } from '../format.js';
import { PendingMarker } from '../bits.jsx';
import { CategoryManager } from './CategoryManager.jsx';
import './forum.css';
import { Icon } from './Icon.jsx';

const ALL = '';
const STARRED = '*';

/** @param {{networkId: string, meId: string, manager: boolean, emptyText: string}} props */
export function ThreadList({ networkId, meId, manager, emptyText }) {
  const data = useQuery(async () => {
    const [threads, categories] = await Promise.all([store.threadListOf(networkId, meId), store.categoriesOf(networkId)]);
    return { threads, categories };
  }, [networkId, meId]);
  const [tab, setTab] = useState(ALL);
  const [managing, setManaging] = useState(false);
  if (!data) return null;
  const { threads, categories } = data;
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const shown = threads.filter((th) => (tab === ALL ? true : tab === STARRED ? th.starred : th.category_id === tab));

  return (
    <>
      <div class="tabs" role="tablist" aria-label={t('forum.categories')} data-testid="category-tabs">
        {[{ id: ALL, name: t('forum.allThreads') }, ...categories, { id: STARRED, name: `★ ${t('forum.starredTab')}` }].map((c) => (
          <button key={c.id} type="button" role="tab" aria-selected={tab === c.id} class={`tab${tab === c.id ? ' is-on' : ''}`}
            data-testid="category-tab" onClick={() => setTab(c.id)}>
            {c.name}
          </button>
        ))}
      </div>
      {manager && (
        managing
          ? <CategoryManager networkId={networkId} categories={categories} onDone={() => setManaging(false)} />
          : <button type="button" class="btn-link" data-testid="categories-manage" onClick={() => setManaging(true)}>
              {t('forum.manageCategories')}
            </button>
      )}
      {shown.length === 0 ? (
        <p class="muted">{tab === ALL ? emptyText : t('forum.noneHere')}</p>
      ) : (
        <ul class="list" data-testid="thread-list">
          {shown.map((th) => (
            <li key={th.id}>
              <a class={`list-item${th.unread ? ' has-news' : ''}`} href={`#/t/${th.id}`} data-testid="thread-item" data-thread-id={th.id}>
                <span class="item-title">
                  {th.pinned && <span class="flag" data-testid="thread-pinned" title={t('forum.pinned')}><Icon name="pin" /> </span>}
                  {th.locked && <span class="flag" data-testid="thread-locked" title={t('forum.locked')}><Icon name="lock" /> </span>}
                  <span data-testid="thread-title">{th.title}</span>
                  {th.starred && <span class="star-mark" data-testid="thread-starred" aria-label={t('forum.starred')}> ★</span>}
                </span>
                <span class="item-meta">
                  {th.category_id && names.has(th.category_id) && <span class="cat">{names.get(th.category_id)} · </span>}
                  <span data-testid="thread-post-count">{t('thread.posts', { n: th.post_count ?? 0 })}</span>
                  {' · '}
                  {t('thread.lastActivity', { time: formatTime(th.last_post_at) })}
                </span>
                {th.unread > 0 && (
                  <span class="news" data-testid="thread-unread">
                    {th.opened ? t('forum.newSince', { n: th.unread }) : t('forum.unopened')}
                  </span>
                )}
                {th.pending && <PendingMarker />}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
