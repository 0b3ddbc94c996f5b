/**
 * The sync status bar: online or not, how many changes wait, when we last
 * synced. A teacher glances at it to know whether her words have left the phone.
 */
import * as store from '../store/index.js';
import { useQuery, useSyncState } from './hooks.js';
import { t } from './i18n.js';
import { formatTime } from './format.js';

export function SyncStatus() {
  const sync = useSyncState();
  const waiting = useQuery(() => store.pendingCount(), []) ?? 0;
  const lastSync = useQuery(() => store.getMeta('last_sync_at'), []);
  const online = sync.online;

  return (
    <div
      class={`status ${online ? 'is-online' : 'is-offline'}`}
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      data-online={String(online)}
      data-pending={String(waiting)}
    >
      <span class="status-conn" data-testid="sync-connection">
        <span class="status-dot" aria-hidden="true" />
        {online ? t('status.online') : t('status.offline')}
      </span>
      {waiting > 0 && (
        <span class="status-pending" data-testid="sync-pending-count">
          {t('status.pending', { n: waiting })}
        </span>
      )}
      {online && sync.failing && <span class="status-warn">{t('status.failing')}</span>}
      {/* Not read out at each pull: only the connection and what waits are news. */}
      <span class="status-last" data-testid="sync-last" aria-live="off">
        {lastSync ? t('status.last', { time: formatTime(lastSync) }) : t('status.never')}
      </span>
    </div>
  );
}
