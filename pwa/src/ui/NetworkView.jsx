/**
 * One network: its threads, newest activity first, and the "new thread" form.
 */
import { useState } from 'preact/hooks';
import * as store from '../store/index.js';
import { useQuery } from './hooks.js';
import { t } from './i18n.js';
import { formatTime } from './format.js';
import { BackLink, Loading, PendingMarker } from './bits.jsx';
import { NewThreadForm } from './NewThreadForm.jsx';

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
  const member = membership?.status === 'active';

  return (
    <main class="page" data-testid="network">
      <BackLink href="#/" label={t('nav.home')} />
      {!network ? (
        <p class="notice">{t('network.notFound')}</p>
      ) : (
        <>
          <h1 data-testid="network-name">{network.name}</h1>
          {network.description && <p class="muted lead">{network.description}</p>}
        </>
      )}
      {member &&
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
            <p class="muted">{t('network.noThreads')}</p>
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
    </main>
  );
}
