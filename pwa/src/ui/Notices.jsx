/**
 * Messages over the screens: refused changes waiting to be read, and the
 * service worker's "ready offline" / "new version" notes.
 */
import { useEffect, useState } from 'preact/hooks';
import * as store from '../store/index.js';
import { useQuery } from './hooks.js';
import { t } from './i18n.js';
import { swState, onSwState, applyUpdate, dismissOfflineReady, dismissUpdate } from '../sw-bridge.js';

export function RejectedBanner() {
  const list = useQuery(() => store.rejectedList(), []);
  if (!list || list.length === 0 || location.hash === '#/rejected') return null;
  return (
    <a class="banner banner-warn" href="#/rejected" data-testid="rejected-banner">
      {t('rejected.banner', { n: list.length })}
    </a>
  );
}

export function SwToasts() {
  const [sw, setSw] = useState(swState());
  useEffect(() => {
    const off = onSwState(setSw);
    setSw(swState()); // a worker may have installed between render and this effect
    return off;
  }, []);
  useEffect(() => {
    if (!sw.offlineReady) return undefined;
    const timer = setTimeout(dismissOfflineReady, 6000);
    return () => clearTimeout(timer);
  }, [sw.offlineReady]);

  return (
    <div class="toasts" aria-live="polite">
      {sw.updateWaiting && (
        <div class="toast" data-testid="sw-update">
          <span>{t('sw.update')}</span>
          <button type="button" class="btn-primary" data-testid="sw-reload" onClick={applyUpdate}>
            {t('sw.reload')}
          </button>
          <button type="button" class="btn-ghost" aria-label={t('common.close')} onClick={dismissUpdate}>
            ✕
          </button>
        </div>
      )}
      {sw.offlineReady && (
        <div class="toast" data-testid="sw-ready">
          <span>{t('sw.ready')}</span>
          <button type="button" class="btn-ghost" aria-label={t('common.close')} onClick={dismissOfflineReady}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
