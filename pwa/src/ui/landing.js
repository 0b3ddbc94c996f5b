/**
 * What the address says when the app opens from a one-time link in a letter:
 * `/auth/link/<token>` (sign in), `/auth/invite/<token>` (an invitation),
 * `/auth/confirm-request/<token>` (confirm a request made with no account).
 * Opening such a link changes nothing on the server (a mail scanner fetches it
 * too); the link's screen has a button that does. The token is kept in memory and
 * taken out of the address at once, so it lingers in no history or screenshot.
 * `error` is a used or expired link's code, for the message on the sign-in screen.
 */

/** @typedef {'link'|'invite'|'confirm'} LinkKind */
/** @typedef {{kind: LinkKind|null, token: string|null, error: string|null}} Landing */

const PATHS = /** @type {[RegExp, LinkKind][]} */ ([
  [/^\/auth\/link\/([\w-]+)\/?$/, 'link'],
  [/^\/auth\/invite\/([\w-]+)\/?$/, 'invite'],
  [/^\/auth\/confirm-request\/([\w-]+)\/?$/, 'confirm'],
]);

/** @type {Landing} */
export const NO_LANDING = { kind: null, token: null, error: null };

/** @returns {Landing} */
export function takeLanding() {
  for (const [pattern, kind] of PATHS) {
    const match = pattern.exec(location.pathname);
    if (match) {
      history.replaceState(null, '', '/' + location.hash);
      return { kind, token: match[1], error: null };
    }
  }
  return NO_LANDING;
}

/**
 * A used or expired link: back to the sign-in side with its message.
 * @param {string} code @returns {Landing}
 */
export const landingError = (code) => ({ kind: null, token: null, error: code });

/** The message key for a used or expired link's code. @param {string|null} code */
export const landingErrorKey = (code) =>
  !code ? null : code === 'invite_invalid' ? 'invitation.invalid' : 'signin.linkInvalid';

const RETURN = 'krag.after-sign-in'; // where she was going when the sign-in screen stopped her
const RETURN_FOR = 60 * 60 * 1000; // an hour: long enough to fetch the letter, not to surprise her tomorrow

/**
 * She opened an address (a check-in QR code, a shared thread) while signed out: keep it, so
 * the e-mailed link — which opens in a new page, without it — takes her there after signing in.
 * @param {string} hash
 */
export function rememberReturn(hash) {
  if (!hash || hash === '#/' || hash === '#' || hash.startsWith('#/apply')) return;
  try {
    localStorage.setItem(RETURN, JSON.stringify({ hash, at: Date.now() }));
  } catch {
    // nothing kept: she lands on the home screen
  }
}

/** Where to go after signing in (once), or undefined. @returns {string | undefined} */
export function takeReturn() {
  try {
    const kept = JSON.parse(localStorage.getItem(RETURN) || 'null');
    localStorage.removeItem(RETURN);
    return kept && Date.now() - kept.at < RETURN_FOR ? kept.hash : undefined;
  } catch {
    return undefined;
  }
}
