/**
 * Signing in with a passkey on the sign-in screen: the button (a prompt from the browser),
 * the passkey-first card of a device that used one, and the wait for her to pick a passkey
 * in the address field's suggestions (conditional UI, where the browser has it).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.js';
import {
  ApiError, NetworkError, PasskeyCancelled, cancelPasskeyAutofill, passkeyAutofillSupported, signInWithPasskey,
} from '../sync/index.js';
import { passkeyUsedHere } from './passkeyDevice.js';
import './passkey.css';

/** What to tell her when a passkey did not sign her in (null: she cancelled). @param {unknown} err */
function refusal(err) {
  if (err instanceof PasskeyCancelled) return null;
  if (err instanceof NetworkError || !navigator.onLine) return t('passkey.offline');
  if (err instanceof ApiError && err.status === 429) return err.message; // the server's own words
  if (err instanceof ApiError && err.code === 'passkey_unknown') return t('passkey.unknown');
  return t('passkey.failed');
}

/** @param {{autofill?: boolean}} [opts] */
async function passkeySignIn(opts) {
  await signInWithPasskey(opts);
  passkeyUsedHere(); // this device has one: the sign-in screen offers it first next time
}

/**
 * While `active`, wait for a passkey picked in the field's suggestions. Returns true once the
 * browser is known to offer them: the field then says autocomplete="username webauthn".
 * @param {boolean} active @param {(message: string) => void} onError
 */
export function usePasskeyAutofill(active, onError) {
  const [ready, setReady] = useState(false);
  const [round, setRound] = useState(0);
  useEffect(() => {
    passkeyAutofillSupported().then(setReady);
  }, []);
  useEffect(() => {
    if (!ready || !active) return undefined;
    let alive = true;
    passkeySignIn({ autofill: true }).catch((err) => {
      if (!alive) return;
      // A background wait: only a passkey she picked and the server refused is hers to read;
      // anything before that must not cover what the screen says (a used link's message).
      if (err?.picked) {
        const message = refusal(err);
        if (message) onError(message);
      }
      // Cancelled by the button's prompt, or her pick refused: listen again for the next one.
      // Anything else (the browser or the server cannot start one now) ends the wait: no loop.
      if (err instanceof PasskeyCancelled || err?.picked) setTimeout(() => alive && setRound((n) => n + 1), 500);
    });
    return () => {
      alive = false;
      cancelPasskeyAutofill().catch(() => {});
    };
  }, [ready, active, round]);
  return ready;
}

/** The browser's prompt for a passkey, on a tap: [busy, start]. @param {(m: string) => void} onError */
function usePrompt(onError) {
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    onError('');
    try {
      await passkeySignIn();
    } catch (err) {
      const message = refusal(err);
      if (message) onError(message);
    } finally {
      setBusy(false);
    }
  };
  return /** @type {const} */ ([busy, go]);
}

/** "Zaloguj się kluczem dostępu" under the address form. @param {{onError: (m: string) => void}} props */
export function PasskeyButton({ onError }) {
  const [busy, go] = usePrompt(onError);
  return (
    <>
      <p class="or-line" aria-hidden="true"><span>{t('passkey.or')}</span></p>
      <button type="button" class="btn-secondary btn-block" disabled={busy} onClick={go} data-testid="passkey-signin">
        {busy ? t('passkey.signingIn') : t('passkey.signIn')}
      </button>
    </>
  );
}

/**
 * A device that used a passkey before: the passkey first, the e-mailed link behind
 * "Nie mogę użyć klucza".
 * @param {{error: string, onError: (m: string) => void, onLink: () => void}} props
 */
export function PasskeySignIn({ error, onError, onLink }) {
  const [busy, go] = usePrompt(onError);
  return (
    <div class="card form passkey-first" data-testid="passkey-first">
      <p>{t('passkey.signInHint')}</p>
      {error && <p class="field-error" role="alert" data-testid="signin-error">{error}</p>}
      <button type="button" class="btn-primary btn-block" disabled={busy} onClick={go} data-testid="passkey-signin">
        {busy ? t('passkey.signingIn') : t('passkey.signIn')}
      </button>
      <button type="button" class="btn-link" onClick={onLink} data-testid="passkey-cant-use">
        {t('passkey.cantUse')}
      </button>
    </div>
  );
}
