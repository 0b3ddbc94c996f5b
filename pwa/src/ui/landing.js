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
