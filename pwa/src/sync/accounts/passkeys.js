/**
 * Passkeys: the two WebAuthn ceremonies with the server (/api/auth/passkey/…), and her
 * writes about the passkeys she has (`passkey.rename`, `passkey.remove`, through the outbox
 * like every write). @simplewebauthn/browser is loaded only when a ceremony starts (a
 * chunk of its own: the app's first load does not carry it).
 *
 * Adding one is a ceremony, not a mutation: the browser signs a challenge the server has
 * just made, so it needs the server now (docs/sync-protocol.md, "Passkeys").
 */
import { request, ApiError } from '../api.js';
import { confirmSession, sessionStale } from '../session.js';
import { mutate } from '../writes.js';

const library = () => import('@simplewebauthn/browser');

/** This browser can make and use passkeys at all (no library needed to know). */
export function passkeysSupported() {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

/** The browser offers passkeys in the e-mail field's suggestions (conditional UI). */
export async function passkeyAutofillSupported() {
  if (!passkeysSupported()) return false;
  const check = /** @type {any} */ (window.PublicKeyCredential).isConditionalMediationAvailable;
  return typeof check === 'function' ? !!(await check.call(window.PublicKeyCredential).catch(() => false)) : false;
}

/**
 * The device makes a passkey for her (fingerprint, face, screen lock) and the server keeps it.
 * Resolves to the new passkey's row; rejects with PasskeyCancelled when she closed the prompt.
 * @param {string} [name] what the list calls it ("Telefon", "Laptop")
 */
export async function addPasskey(name) {
  const { startRegistration } = await library();
  const optionsJSON = await request('POST', '/api/auth/passkey/register/options', {});
  const credential = await ceremony(() => startRegistration({ optionsJSON }));
  const answer = await request('POST', '/api/auth/passkey/register/verify', { credential, name: name || deviceName() });
  return answer.passkey;
}

/**
 * Sign in with a passkey the device offers her. With `autofill` the browser waits for her to
 * pick one in the e-mail field's suggestions (the field has autocomplete="username webauthn");
 * a later call without it (the button) cancels that wait. Resolves once she is signed in.
 * @param {{autofill?: boolean}} [opts]
 */
export async function signInWithPasskey({ autofill = false } = {}) {
  const { startAuthentication } = await library();
  const optionsJSON = await request('POST', '/api/auth/passkey/login/options', {});
  const credential = await ceremony(() => startAuthentication({ optionsJSON, useBrowserAutofill: autofill }));
  await request('POST', '/api/auth/passkey/login/verify', { credential }).catch((err) => {
    throw Object.assign(err, { picked: true }); // she chose a passkey and the server said no
  });
  sessionStale(); // signed in by its cookie: who she is and her CSRF token come from /api/me
  await confirmSession();
}

/** Stops waiting for a passkey from the suggestions (leaving the screen). */
export async function cancelPasskeyAutofill() {
  const { WebAuthnAbortService } = await library();
  WebAuthnAbortService.cancelCeremony();
}

/** She closed the browser's prompt, or another ceremony took its place: nothing to say. */
export class PasskeyCancelled extends Error {}

/** @template T @param {() => Promise<T>} run */
async function ceremony(run) {
  try {
    return await run();
  } catch (err) {
    const e = /** @type {any} */ (err);
    if (e?.name === 'NotAllowedError' || e?.name === 'AbortError' || e?.code === 'ERROR_CEREMONY_ABORTED') {
      throw new PasskeyCancelled(e.message);
    }
    throw err;
  }
}

/** A first name for the new passkey, from what kind of device this is. */
function deviceName() {
  const ua = navigator.userAgent;
  const system = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iPhone' : /Mac OS/.test(ua) ? 'Mac'
    : /Windows/.test(ua) ? 'Windows' : /Linux/.test(ua) ? 'Linux' : '';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) ? 'Safari' : '';
  return [browser, system].filter(Boolean).join(' · ') || 'Klucz dostępu';
}

/** A passkey's new name. @param {string} id @param {string} name */
export async function renamePasskey(id, name) {
  await mutate('passkey.rename', { id, name });
}

/** The passkey stops signing her in. @param {string} id */
export async function removePasskey(id) {
  await mutate('passkey.remove', { id });
}

/** Poradnia staff mail a one-time sign-in link to her own address. @param {string} userId */
export async function issueSignInLink(userId) {
  await mutate('signin_link.issue', { user_id: userId });
}

export { ApiError };
