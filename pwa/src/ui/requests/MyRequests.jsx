/**
 * "Moje wnioski": her requests for networks with their status — waiting,
 * approved (with the way into the new network) or rejected (with the reason).
 * E-mails about a request link here (#/requests).
 */
import * as store from '../../store/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { formatTime } from '../format.js';
import { Loading, PendingMarker } from '../bits.jsx';

/** @param {{me: {id: string}}} props */
export function MyRequests({ me }) {
  const list = useQuery(() => store.myRequests(me.id), [me.id]);
  return (
    <main class="page" data-testid="my-requests">
      <h1>{t('requests.title')}</h1>
      <p class="muted">{t('requests.intro')}</p>
      <a class="btn-primary btn-block" href="#/requests/new" data-testid="request-new">
        + {t('requests.new')}
      </a>
      {!list ? (
        <Loading />
      ) : list.length === 0 ? (
        <p class="muted">{t('requests.none')}</p>
      ) : (
        <ul class="list spaced">
          {list.map((r) => (
            <RequestItem key={r.id} request={r} />
          ))}
        </ul>
      )}
    </main>
  );
}

/** @param {{request: Record<string, any>}} props */
export function RequestStatus({ request: r }) {
  const tone = { pending: 'pending', approved: 'active', rejected: 'danger' }[/** @type {string} */ (r.status)];
  return (
    <span class={`badge badge-${tone || 'muted'}`} data-testid="request-status">
      {t(`requests.status.${r.status}`)}
    </span>
  );
}

/** @param {{request: Record<string, any>}} props */
function RequestItem({ request: r }) {
  return (
    <li class="list-item static boxed" data-testid="request-item" data-request-id={r.id}>
      <span class="item-title">{r.name}</span>
      <span class="item-meta">
        {t(`kind.${r.kind}`)} · {r.topic} · {t('requests.sentAt', { time: formatTime(r.created_at) })}
      </span>
      <span class="badges">
        <RequestStatus request={r} />
      </span>
      {r.status === 'rejected' && r.reason && (
        <p class="reason" data-testid="request-reason">
          {t('requests.reason', { reason: r.reason })}
        </p>
      )}
      {r.status === 'approved' && r.network_id && (
        <a class="btn-secondary join" href={`#/n/${r.network_id}`} data-testid="request-network">
          {t('requests.openNetwork')} →
        </a>
      )}
      {r.pending && <PendingMarker />}
    </li>
  );
}
