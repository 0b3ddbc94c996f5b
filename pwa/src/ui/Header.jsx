/**
 * Top bar: the app's name (home) with the Poradnia's logo, language toggle, sign out (with a warning
 * when changes still wait to be sent).
 */
import { useState } from 'preact/hooks';
import { t, currentLang, setLang } from './i18n.js';
import { signOut } from '../sync/index.js';
import { updateProfile } from '../sync/accounts/writes.js';
import * as store from '../store/index.js';
import { useQuery } from './hooks.js';
import { Confirm } from './bits.jsx';
import { NotificationBell } from './notifications/Bell.jsx';
import { PoradniaLogo } from './Logo.jsx';

/** @param {{signedIn: boolean}} props */
export function Header({ signedIn }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const waiting = useQuery(() => (signedIn ? store.pendingCount() : Promise.resolve(0)), [signedIn]) ?? 0;
  const poradnia = useQuery(() => (signedIn ? store.poradnia() : Promise.resolve(null)), [signedIn]);

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
          <PoradniaLogo src={poradnia?.logo_url} name={poradnia?.name || ''} class="in-header" testid="header-logo" />
        </a>
        <div class="topbar-actions">
          {signedIn && <NotificationBell />}
          <button
            type="button"
            class="btn-ghost"
            data-testid="lang-toggle"
            aria-label={t('lang.switchLabel')}
            lang={currentLang() === 'pl' ? 'en' : 'pl'}
            onClick={() => {
              const next = currentLang() === 'pl' ? 'en' : 'pl';
              // Signed in, her letters follow (profile.update's lang); before, her first sign-in sends it.
              setLang(next).then(() => (signedIn ? updateProfile({ lang: next }) : undefined)).catch(() => {});
            }}
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
        <Confirm question={t('signout.question')} yes={t('signout.confirm')} onYes={confirm} busy={busy}
          onNo={() => setAsking(false)} testid="signout-confirm" yesTestid="signout-yes">
          {waiting > 0 && <p class="warn">{t('signout.pending', { n: waiting })}</p>}
        </Confirm>
      )}
    </header>
  );
}
