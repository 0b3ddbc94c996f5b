/**
 * Top bar: the app's name (home), language toggle, sign out (with a warning
 * when changes still wait to be sent).
 */
import { useState } from 'preact/hooks';
import { t, currentLang, setLang } from './i18n.js';
import { signOut } from '../sync/index.js';
import * as store from '../store/index.js';
import { useQuery } from './hooks.js';

/** @param {{signedIn: boolean}} props */
export function Header({ signedIn }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const waiting = useQuery(() => (signedIn ? store.pendingCount() : Promise.resolve(0)), [signedIn]) ?? 0;

  const confirm = async () => {
    setBusy(true);
    try {
      await signOut();
      location.hash = '#/';
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <header class="topbar">
      <div class="topbar-row">
        <a class="brand" href="#/" data-testid="home-link">
          <img src="/icons/icon-192.png" alt="" width="32" height="32" />
          <span>Krąg</span>
        </a>
        <div class="topbar-actions">
          <button
            type="button"
            class="btn-ghost"
            data-testid="lang-toggle"
            aria-label={t('lang.switchLabel')}
            lang={currentLang() === 'pl' ? 'en' : 'pl'}
            onClick={() => setLang(currentLang() === 'pl' ? 'en' : 'pl')}
          >
            {t('lang.switch')}
          </button>
          {signedIn && (
            <button type="button" class="btn-ghost" data-testid="signout" onClick={() => setAsking(true)}>
              {t('signout.button')}
            </button>
          )}
        </div>
      </div>
      {asking && (
        <div class="confirm" role="alertdialog" aria-labelledby="signout-q" data-testid="signout-confirm">
          <p id="signout-q">{t('signout.question')}</p>
          {waiting > 0 && <p class="warn">{t('signout.pending', { n: waiting })}</p>}
          <div class="row">
            <button type="button" class="btn-danger" disabled={busy} data-testid="signout-yes" onClick={confirm}>
              {t('signout.confirm')}
            </button>
            <button type="button" class="btn-secondary" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </header>
  );
}
