/**
 * Sign-in by e-mailed link: an address in, a "check your inbox" message out.
 * The server answers 202 whatever the address, so we never say whether it is known.
 * The link opens `LinkSignIn`, whose button signs in (opening the link alone does not).
 * Where the browser has passkeys: "Zaloguj się kluczem dostępu", and her passkeys offered in
 * the address field's suggestions (conditional UI); a device that used one shows it first,
 * with the link behind "Nie mogę użyć klucza".
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.js';
import { requestSignInLink, confirmSession, signInWithLink, passkeysSupported, ApiError, NetworkError } from '../sync/index.js';
import { landingErrorKey } from './landing.js';
import { PoradniaLogo } from './Logo.jsx';
import * as store from '../store/index.js';
import { useQuery } from './hooks.js';
import { PasskeyButton, PasskeySignIn, usePasskeyAutofill } from './PasskeySignIn.jsx';
import { offerPasskeyAfterLink, passkeyWasUsedHere } from './passkeyDevice.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * @param {{expired: boolean, landingError?: string|null}} props
 *   landingError: the server sent a used or expired link back to /?login_error=…
 */
export function SignIn({ expired, landingError }) {
  const [email, setEmail] = useState('');
  const [state, setState] = useState(/** @type {'idle'|'sending'|'sent'} */ ('idle'));
  const passkeys = passkeysSupported();
  const [byLink, setByLink] = useState(() => !(passkeys && passkeyWasUsedHere()));
  const autofill = usePasskeyAutofill(passkeys && byLink && state !== 'sent', (message) => setError(message));
  const [error, setError] = useState(() => {
    const key = landingErrorKey(landingError || null);
    return key ? t(key) : '';
  });

  // She opened the link from her mail app, perhaps in another window: when she
  // comes back here, ask whether that signed her in.
  useEffect(() => {
    const check = () => {
      if (document.visibilityState === 'visible' && navigator.onLine) confirmSession().catch(() => {});
    };
    addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, []);

  /** @param {Event} e */
  const submit = async (e) => {
    e.preventDefault();
    const address = email.trim();
    if (!EMAIL.test(address)) return setError(t('field.email'));
    setError('');
    setState('sending');
    try {
      await requestSignInLink(address);
      setState('sent');
    } catch (err) {
      setState('idle');
      if (err instanceof NetworkError || !navigator.onLine) return setError(t('signin.offline'));
      // Too many links lately: the server says how it stands (sent already, or try later).
      setError(err instanceof ApiError && err.status === 429 ? err.message : t('signin.failed'));
    }
  };

  return (
    <main class="page narrow" data-testid="signin">
      <SignInHero title={t('signin.title')} tagline />
      {expired && (
        <p class="notice" data-testid="session-expired">
          {t('signin.expired')}
        </p>
      )}
      {!byLink ? (
        <PasskeySignIn onError={setError} error={error} onLink={() => { setError(''); setByLink(true); }} />
      ) : state === 'sent' ? (
        <div class="card" data-testid="signin-sent">
          <p>{t('signin.sent', { email: email.trim() })}</p>
          <button type="button" class="btn-secondary" onClick={() => setState('idle')}>
            {t('signin.other')}
          </button>
        </div>
      ) : (
        <form class="card form" onSubmit={submit} noValidate>
          <p>{t('signin.intro')}</p>
          <label for="signin-email">{t('signin.email')}</label>
          <input
            id="signin-email"
            type="email"
            inputMode="email"
            autoComplete={autofill ? 'username webauthn' : 'email'}
            autoCapitalize="off"
            spellcheck={false}
            required
            value={email}
            onInput={(e) => setEmail(/** @type {HTMLInputElement} */ (e.currentTarget).value)}
            data-testid="signin-email"
          />
          {error && (
            <p class="field-error" role="alert" data-testid="signin-error">
              {error}
            </p>
          )}
          <button type="submit" class="btn-primary" disabled={state === 'sending'} data-testid="signin-send">
            {state === 'sending' ? t('signin.sending') : t('signin.send')}
          </button>
          {passkeys && <PasskeyButton onError={setError} />}
        </form>
      )}
      <a class="btn-secondary btn-block" href="#/apply" data-testid="public-request-open">
        {t('signin.noAccount')}
      </a>
    </main>
  );
}

/**
 * The app's icon, the title and the Poradnia's logo, as the sign-in screens show them.
 * @param {{title: string, tagline?: boolean}} props
 */
function SignInHero({ title, tagline = false }) {
  // Signed out the device usually holds no poradnia row; the logo's address is public.
  const poradnia = useQuery(() => store.poradnia().catch(() => null), []);
  return (
    <div class="hero">
      <img src="/icons/icon-192.png" alt="" width="72" height="72" />
      <h1>{title}</h1>
      {tagline && <p class="muted">{t('app.tagline')}</p>}
      {poradnia !== undefined && (
        <PoradniaLogo src={poradnia?.logo_url || '/api/poradnia/logo'} name={poradnia?.name || t('logo.title')}
          class="on-signin" testid="signin-logo" />
      )}
    </div>
  );
}

/**
 * The screen an e-mailed sign-in link opens. Opening the link changes nothing
 * (a mail scanner may fetch it before she does); her tap on the button signs in.
 * @param {{token: string, onDone: () => void, onInvalid: () => void}} props
 *   onInvalid: the link was used or has expired
 */
export function LinkSignIn({ token, onDone, onInvalid }) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  const go = async () => {
    setBusy(true);
    setNotice('');
    try {
      await signInWithLink(token);
      offerPasskeyAfterLink(); // "Dodaj klucz dostępu", once
      onDone();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 410 || err.status === 400)) onInvalid();
      else setNotice(err instanceof NetworkError ? t('signin.linkOffline') : t('signin.linkFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="page narrow" data-testid="signin-link">
      <SignInHero title={t('signin.linkTitle')} />
      <div class="card form">
        <p>{t('signin.linkIntro')}</p>
        {notice && <p class="notice" role="alert" data-testid="signin-link-notice">{notice}</p>}
        <button type="button" class="btn-primary btn-block" disabled={busy} onClick={go} data-testid="signin-link-go">
          {busy ? t('signin.linkGoing') : t('signin.linkGo')}
        </button>
      </div>
    </main>
  );
}
