/**
 * "Szukaj": thread titles, posts and good practices. Online it asks the
 * server (everything, also what the phone does not keep); offline, or when the
 * server cannot be reached, it searches what the phone holds with the same
 * folding and endings ("zolw" finds "żółw"). Results open the thread, the post
 * or the practice. Each result names its network and marks the words found.
 *
 * Home's search field opens #/search/<words>: the search runs at once; a new one here
 * puts its words in the address too, so going back to the results finds them.
 */
import { useEffect, useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { searchOnline, NetworkError } from '../../sync/index.js';
import { useQuery, useSyncState } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink } from '../bits.jsx';
import { highlight } from './highlight.js';
import '../forum/forum.css';

/** @typedef {import('../../store/search.js').Hit} Hit */

/** The address of a search for `words` (home's field opens it). @param {string} words */
export const searchHash = (words) => `#/search/${encodeURIComponent(words)}`;

/** The words in the address (#/search/<words>), if any. */
function wordsInAddress() {
  const m = /^#\/search\/(.+)$/.exec(location.hash);
  if (!m) return '';
  try {
    return decodeURIComponent(m[1]).trim();
  } catch {
    return '';
  }
}

/** @param {{me: {id: string}}} props */
export function SearchView({ me }) {
  const networks = useQuery(() => store.myNetworks(me.id), [me.id]) || [];
  const sync = useSyncState();
  const [q, setQ] = useState(wordsInAddress);
  const [networkId, setNetworkId] = useState('');
  const [asked, setAsked] = useState(/** @type {{q: string, networkId: string} | null} */ (q ? { q, networkId: '' } : null));
  const [answer, setAnswer] = useState(/** @type {{hits: Hit[], local: boolean} | null} */ (null));
  const names = useQuery(async () => {
    const [threads, resources, nets] = await Promise.all([store.allRows('thread'), store.allRows('resource'), store.allRows('network')]);
    return { titles: new Map([...threads, ...resources].map((r) => [r.id, r.title])), networks: new Map(nets.map((n) => [n.id, n.name])) };
  }, []);

  useEffect(() => {
    if (!asked) return undefined;
    let alive = true;
    const local = () => store.searchLocal(asked.q, asked.networkId || undefined).then((hits) => ({ hits, local: true }));
    const online = sync.online ? searchOnline(asked.q, asked.networkId || undefined).then((hits) => ({ hits, local: false })) : local();
    online
      .catch((err) => (err instanceof NetworkError || !navigator.onLine ? local() : Promise.reject(err)))
      .then((a) => alive && setAnswer(a), () => alive && setAnswer({ hits: [], local: true }));
    return () => {
      alive = false;
    };
  }, [asked]);

  /** @param {Event} e */
  const submit = (e) => {
    e.preventDefault();
    if (!q.trim()) return;
    setAsked({ q: q.trim(), networkId });
    history.replaceState(null, '', searchHash(q.trim()));
  };

  return (
    <main class="page" data-testid="search">
      <BackLink href="#/" label={t('nav.home')} />
      <h1>{t('search.heading')}</h1>
      <form class="card form" role="search" onSubmit={submit}>
        <label for="search-q">{t('search.label')}</label>
        <input id="search-q" type="search" value={q} enterKeyHint="search" data-testid="search-input"
          onInput={(e) => setQ(/** @type {HTMLInputElement} */ (e.currentTarget).value)} />
        {networks.length > 1 && (
          <>
            <label for="search-net">{t('search.where')}</label>
            <select id="search-net" value={networkId} data-testid="search-network"
              onChange={(e) => setNetworkId(/** @type {HTMLSelectElement} */ (e.currentTarget).value)}>
              <option value="">{t('search.everywhere')}</option>
              {networks.map((n) => <option key={n.id} value={n.id}>{n.name}</option>)}
            </select>
          </>
        )}
        <button type="submit" class="btn-primary wide" data-testid="search-submit">{t('search.submit')}</button>
      </form>
      {answer && (
        <>
          {answer.local && <p class="hint" data-testid="search-local">{t('search.local')}</p>}
          {answer.hits.length === 0 ? (
            <p class="muted" data-testid="search-none">{t('search.none')}</p>
          ) : (
            <ul class="list" data-testid="search-results">
              {answer.hits.map((h) => (
                <li key={`${h.type}:${h.id}`}>
                  <a class="list-item" data-testid="search-result" data-type={h.type}
                    href={h.type === 'resource' ? `#/r/${h.id}` : h.type === 'post' ? `#/t/${h.thread_id}/${h.id}` : `#/t/${h.id}`}>
                    <span class="item-meta">
                      {t(`search.type.${h.type}`)}
                      {names?.networks.has(h.network_id) && (
                        <> · <span data-testid="search-network-name">{names.networks.get(h.network_id)}</span></>
                      )}
                    </span>
                    <span class="item-title">
                      <Marked text={names?.titles.get(h.type === 'post' ? h.thread_id || '' : h.id) || ''} query={asked?.q || ''} />
                    </span>
                    {h.type !== 'thread' && (
                      <span class="item-desc" data-testid="search-snippet"><Marked text={h.snippet} query={asked?.q || ''} /></span>
                    )}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}

/** Text with the words found in <mark> (elements, never HTML). @param {{text: string, query: string}} props */
function Marked({ text, query }) {
  return <>{highlight(text, query).map((p, i) => (p.hit ? <mark key={i} data-testid="search-mark">{p.text}</mark> : p.text))}</>;
}
