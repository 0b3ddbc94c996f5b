/**
 * What the server's redirects put in the address when the app opens:
 * `?invite=<token>` (an invitation for someone with no account) and
 * `?login_error=<code>` (a used or expired link). Read once, then taken out
 * of the address so a reload does not show them again.
 */

/** @typedef {{invite: string|null, error: string|null}} Landing */

/** @returns {Landing} */
export function takeLanding() {
  const params = new URLSearchParams(location.search);
  const landing = { invite: params.get('invite'), error: params.get('login_error') };
  if (landing.invite || landing.error) {
    params.delete('invite');
    params.delete('login_error');
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? `?${query}` : '') + location.hash);
  }
  return landing;
}

/** The message key for a login_error code. @param {string|null} code */
export const landingErrorKey = (code) =>
  !code ? null : code === 'invite_invalid' ? 'invitation.invalid' : 'signin.linkInvalid';
