/**
 * One network: its threads, newest activity first, the "new thread" form, and
 * at the bottom a way to leave it.
 */
import { useState } from 'preact/hooks';
import * as store from '../store/index.js';
import { leaveNetwork } from '../sync/index.js';
import { useQuery, go } from './hooks.js';
import { t } from './i18n.js';
import { formatTime } from './format.js';
import { BackLink, Loading, PendingMarker } from './bits.jsx';
import { NewThreadForm } from './NewThreadForm.jsx';
import { canLeave, canStartThreads, isActive, isArchived } from './rights.js';

/** @param {{me: {id: string}, networkId: string}} props */
export function NetworkView({ me, networkId }) {
  const data = useQuery(async () => {
    const [network, membership, threads] = await Promise.all([
      store.getRow('network', networkId),
      store.membershipIn(me.id, networkId),
      store.threadsOf(networkId),
    ]);
    return { network, membership, threads };
  }, [me.id, networkId]);
  const [composing, setComposing] = useState(false);

  if (!data) return <main class="page"><Loading /></main>;
  const { network, membership, threads } = data;

  return (
    <main class="page" data-testid="network">
      <BackLink href="#/" label={t('nav.home')} />
      {!network ? (
        <p class="notice">{t('network.notFound')}</p>
      ) : (
        <>
          <h1 data-testid="network-name">{network.name}</h1>
          {network.description && <p class="muted lead">{network.description}</p>}
          {isArchived(network) && <p class="notice">{t('network.archived')}</p>}
          {isActive(membership) && membership?.role === 'expert' && !isArchived(network) && (
            <p class="muted">{t('network.expertHint')}</p>
          )}
        </>
      )}
      {canStartThreads(membership, network) &&
        (composing ? (
          <NewThreadForm networkId={networkId} onDone={() => setComposing(false)} />
        ) : (
          <button
            type="button"
            class="btn-primary wide"
            data-testid="new-thread-open"
            onClick={() => setComposing(true)}
          >
            + {t('network.newThread')}
          </button>
        ))}
      {network && (
        <>
          <h2>{t('network.threads')}</h2>
          {threads.length === 0 ? (
            <p class="muted">{membership?.pending ? t('network.waitingData') : t('network.noThreads')}</p>
          ) : (
            <ul class="list" data-testid="thread-list">
              {threads.map((th) => (
                <li key={th.id}>
                  <a
                    class="list-item"
                    href={`#/t/${th.id}`}
                    data-testid="thread-item"
                    data-thread-id={th.id}
                  >
                    <span class="item-title" data-testid="thread-title">{th.title}</span>
                    <span class="item-meta">
                      <span data-testid="thread-post-count">{t('thread.posts', { n: th.post_count ?? 0 })}</span>
                      {' · '}
                      {t('thread.lastActivity', { time: formatTime(th.last_post_at) })}
                    </span>
                    {th.pending && <PendingMarker />}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {canLeave(membership) && membership?.status === 'active' && <LeaveNetwork networkId={networkId} />}
    </main>
  );
}

/** @param {{networkId: string}} props */
function LeaveNetwork({ networkId }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <div class="leave">
        <button type="button" class="btn-link danger" data-testid="leave-network" onClick={() => setAsking(true)}>
          {t('network.leave')}
        </button>
      </div>
    );
  }
  return (
    <div class="leave confirm" role="alertdialog" data-testid="leave-confirm">
      <p>{t('network.leaveQuestion')}</p>
      <div class="row">
        <button
          type="button"
          class="btn-danger"
          data-testid="leave-yes"
          onClick={() => leaveNetwork(networkId).then(() => go('#/'))}
        >
          {t('network.leaveConfirm')}
        </button>
        <button type="button" class="btn-secondary" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
