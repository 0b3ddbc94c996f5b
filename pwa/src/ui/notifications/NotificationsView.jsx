/**
 * "Powiadomienia": replies, mentions, new threads and practices, newest first
 * (busy threads folded into one item with a count); tapping one opens it and
 * marks it read. E-mail per network and how much history the phone keeps are set under Profile.
 */
import * as store from '../../store/index.js';
import { markNotificationsRead } from '../../sync/index.js';
import { useQuery, go } from '../hooks.js';
import { inForm } from '../grammar.js';
import { t } from '../i18n.js';
import { formatTime } from '../format.js';
import { BackLink, Loading } from '../bits.jsx';
import '../forum/forum.css';

/** @param {{me: {id: string}}} props */
export function NotificationsView({ me }) {
  const data = useQuery(async () => {
    const [list, names, threads, forms] = await Promise.all([
      store.notificationList(),
      store.userNames(),
      store.allRows('thread'),
      store.userForms(),
    ]);
    return { list, names, forms, titles: new Map(threads.map((th) => [th.id, th.title])) };
  }, [me.id]);
  if (!data) return <main class="page"><Loading /></main>;
  const { list, names, forms, titles } = data;
  const unread = list.filter((n) => !n.read_at);

  /** @param {Record<string, any>} n */
  const open = async (n) => {
    if (!n.read_at) await markNotificationsRead([n.id]);
    go(n.thread_id ? `#/t/${n.thread_id}` : `#/n/${n.network_id}/library`);
  };

  return (
    <main class="page" data-testid="notifications">
      <BackLink href="#/" label={t('nav.home')} />
      <h1>{t('notes.heading')}</h1>
      {unread.length > 0 && (
        <button type="button" class="btn-secondary notes-read-all" data-testid="notes-read-all" onClick={() => markNotificationsRead([])}>
          {t('notes.readAll')}
        </button>
      )}
      {list.length === 0 ? (
        <p class="muted" data-testid="notes-empty">{t('notes.empty')}</p>
      ) : (
        <ul class="list" data-testid="note-list">
          {list.map((n) => (
            <li key={n.id}>
              <button type="button" class={`list-item note${n.read_at ? '' : ' is-unread'}`} data-testid="note-item"
                data-kind={n.kind} onClick={() => open(n)}>
                <span class="item-title">
                  {inForm(`notes.kind.${n.kind}`, names.has(n.actor_id) ? forms.get(n.actor_id) : 'pani', // "Nieznana osoba" is feminine
                    { name: names.get(n.actor_id) || t('thread.unknownAuthor'), n: n.count || 1 })}
                </span>
                {n.thread_id && <span class="item-desc">{titles.get(n.thread_id) || ''}</span>}
                <span class="item-meta">
                  {formatTime(n.created_at)}
                  {!n.read_at && <span class="news" data-testid="note-unread"> · {t('notes.unread')}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="muted small notes-settings">
        <a href="#/profile" data-testid="notes-settings-link">{t('notes.settingsLink')}</a>
      </p>
    </main>
  );
}
