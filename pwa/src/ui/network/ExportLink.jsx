/**
 * The network's forum as a file (GET /api/networks/<id>/export): a plain
 * download link, which needs a connection — offline it says so instead.
 */
import { exportUrl } from '../../sync/index.js';
import { useSyncState } from '../hooks.js';
import { t } from '../i18n.js';

/** @param {{networkId: string}} props */
export function ExportLink({ networkId }) {
  const { online } = useSyncState();
  return (
    <div class="export">
      {online ? (
        <a class="btn-secondary btn-block" href={exportUrl(networkId)} download data-testid="export-network">
          ↓ {t('network.export')}
        </a>
      ) : (
        <p class="hint">{t('network.exportOffline')}</p>
      )}
      <p class="muted small">{t('network.exportHint')}</p>
    </div>
  );
}
