/**
 * Home: a search over all her networks (SearchView), my networks (active memberships) each with
 * the number of posts new to her (counted on the device, as the thread list counts them), then the catalogue of all networks
 * with their school year, places taken and the archive badge. A network she
 * is not in opens its "about" page (#/n/<id>/about); asking to join a closed
 * one goes there too, where she may write to its coordinator.
 */
import { useState } from 'preact/hooks';
import * as store from '../store/index.js';
import { joinNetwork, leaveNetwork } from '../sync/index.js';
import { go, useQuery } from './hooks.js';
import { t } from './i18n.js';
import { Loading, PendingMarker } from './bits.jsx';
import { joinOption } from './rights.js';
import { ArchivedBadge, Facts, factsLine } from './network/Facts.jsx';
import { searchHash } from './search/SearchView.jsx';

/** @param {{me: {id: string}}} props */
export function Home({ me }) {
  const mine = useQuery(() => store.myNetworks(me.id), [me.id]);
  const catalog = useQuery(() => store.catalog(me.id), [me.id]);
  const synced = useQuery(() => store.getMeta('last_sync_at'), []);
  const unread = useQuery(() => store.unreadByNetwork(me.id), [me.id]);
  const [words, setWords] = useState('');

  /** @param {Event} e */
  const search = (e) => {
    e.preventDefault();
    go(words.trim() ? searchHash(words.trim()) : '#/search');
  };

  return (
    <main class="page" data-testid="home">
      <form class="home-search" role="search" onSubmit={search} data-testid="home-search">
        <label for="home-search-q" class="sr-only">{t('home.searchLabel')}</label>
        <input id="home-search-q" type="search" value={words} enterKeyHint="search" placeholder={t('home.searchHint')}
          data-testid="home-search-input" onInput={(e) => setWords(/** @type {HTMLInputElement} */ (e.currentTarget).value)} />
        <button type="submit" class="btn-primary" data-testid="home-search-submit">{t('search.submit')}</button>
      </form>
      <h1>{t('home.mine')}</h1>
      {!mine ? (
        <Loading />
      ) : mine.length === 0 ? (
        <p class="muted">{synced ? t('home.noneMine') : t('home.firstSync')}</p>
      ) : (
        <ul class="list" data-testid="my-networks">
          {mine.map((n) => (
            <li key={n.id}>
              <a class="list-item" href={`#/n/${n.id}`} data-testid="my-network" data-network-id={n.id}>
                <span class="item-title">{n.name}</span>
                <span class="item-meta">{factsLine(n)}</span>
                <span class="badges">
                  <ArchivedBadge network={n} />
                  {!!unread?.get(n.id) && (
                    <span class="badge badge-unread" data-testid="network-unread">
                      {t('home.unread', { n: /** @type {number} */ (unread.get(n.id)) })}
                    </span>
                  )}
                </span>
                {n.pending && <PendingMarker />}
              </a>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('home.catalog')}</h2>
      {!catalog ? (
        <Loading />
      ) : catalog.length === 0 ? (
        <p class="muted">{t('home.catalogEmpty')}</p>
      ) : (
        <ul class="list catalog" data-testid="catalog">
          {catalog.map((n) => (
            <li key={n.id} class="catalog-item" data-testid="catalog-network" data-network-id={n.id}>
              <CatalogEntry network={n} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

/** @param {{network: any}} props */
function CatalogEntry({ network: n }) {
  const m = n.membership;
  const option = joinOption(m, n);
  const [busy, setBusy] = useState(false);
  /** @param {() => Promise<void>} write */
  const act = (write) => {
    setBusy(true);
    write().finally(() => setBusy(false));
  };
  const body = (
    <>
      {option === 'member' ? (
        <span class="item-title">{n.name}</span>
      ) : (
        <a class="item-title item-link" href={`#/n/${n.id}/about`} data-testid="catalog-about">{n.name}</a>
      )}
      <Facts network={n} />
      {n.description && <span class="item-desc">{n.description}</span>}
      <span class="badges">
        <ArchivedBadge network={n} />
        {(option === 'member' || option === 'pending') && (
          <span class={`badge badge-${option === 'member' ? 'active' : 'pending'}`} data-testid="membership-badge">
            {t(`membership.${m.status}`)}
          </span>
        )}
      </span>
      {m?.pending && <PendingMarker />}
    </>
  );
  if (option === 'member') {
    return (
      <a class="list-item" href={`#/n/${n.id}`}>
        {body}
      </a>
    );
  }
  return (
    // A tap anywhere on the card opens the network's page (its name is the link for keyboards
    // and screen readers); its buttons keep their own work.
    <div class="list-item static catalog-card"
      onClick={(e) => !(/** @type {Element} */ (e.target)).closest('a, button') && go(`#/n/${n.id}/about`)}>
      {body}
      {option === 'ask' && (
        <a class="btn-secondary join" href={`#/n/${n.id}/about`} data-testid="join-network">
          {t('network.ask')}
        </a>
      )}
      {option === 'join' && (
        <button
          type="button"
          class="btn-secondary join"
          disabled={busy}
          data-testid="join-network"
          onClick={() => act(() => joinNetwork(n.id))}
        >
          {t('network.join')}
        </button>
      )}
      {option === 'pending' && (
        <button
          type="button"
          class="btn-link"
          disabled={busy}
          data-testid="withdraw-request"
          onClick={() => act(() => leaveNetwork(n.id))}
        >
          {t('network.withdraw')}
        </button>
      )}
      {option === 'full' && <span class="item-meta">{t('network.full')}</span>}
      {option === 'removed' && <span class="item-meta">{t('network.removed')}</span>}
      {m?.status === 'declined' && option === 'ask' && <span class="item-meta">{t('network.declined')}</span>}
    </div>
  );
}
