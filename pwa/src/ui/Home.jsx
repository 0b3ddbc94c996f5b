/**
 * Home: my networks (active memberships), then the catalogue of all networks.
 */
import * as store from '../store/index.js';
import { useQuery } from './hooks.js';
import { t } from './i18n.js';
import { Loading } from './bits.jsx';

/** @param {{me: {id: string}}} props */
export function Home({ me }) {
  const mine = useQuery(() => store.myNetworks(me.id), [me.id]);
  const catalog = useQuery(() => store.catalog(me.id), [me.id]);
  const synced = useQuery(() => store.getMeta('last_sync_at'), []);

  return (
    <main class="page" data-testid="home">
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
                <span class="item-meta">{t(`kind.${n.kind}`)}</span>
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
  const status = n.membership?.status;
  const body = (
    <>
      <span class="item-title">{n.name}</span>
      <span class="item-meta">
        {t(`kind.${n.kind}`)} · {t(`recruitment.${n.recruitment}`)}
      </span>
      {n.description && <span class="item-desc">{n.description}</span>}
      {(status === 'active' || status === 'pending') && (
        <span class={`badge badge-${status}`}>{t(`membership.${status}`)}</span>
      )}
    </>
  );
  return status === 'active' ? (
    <a class="list-item" href={`#/n/${n.id}`}>
      {body}
    </a>
  ) : (
    <div class="list-item static">{body}</div>
  );
}
