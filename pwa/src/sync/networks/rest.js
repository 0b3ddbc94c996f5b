/**
 * The networks' REST beside the sync (docs/sync-protocol.md): what cannot wait
 * in the outbox because it needs the server's answer now — the public request
 * form of someone with no account and the screens of e-mailed links (accepting
 * an invitation, confirming such a request). Each needs a connection;
 * NetworkError says there is none.
 */
import { request } from '../api.js';
import { confirmSession, sessionStale } from '../session.js';

/**
 * Someone with no account asks for a network; the server mails her a link
 * that confirms the address (and only then files the request).
 * @param {{email: string, name: string, function: string, request: Record<string, any>}} form
 */
export async function sendPublicRequest(form) {
  // The app's language: her confirming letter's (the server else reads Accept-Language).
  const lang = document.documentElement.lang === 'en' ? 'en' : 'pl';
  await request('POST', '/api/public/network-requests', { ...form, email: form.email.trim().toLowerCase(), lang });
}

/**
 * @typedef {{network: {id: string, name: string}, email: string, role: string, has_account: boolean}} InvitationInfo
 * What an invitation's screen shows before she taps (ApiError 410 when used or expired).
 * @param {string} token @returns {Promise<InvitationInfo>}
 */
export async function invitationInfo(token) {
  return request('GET', `/api/auth/invite/${encodeURIComponent(token)}`);
}

/**
 * The invitation screen's button: the server runs `invitation.accept` as her
 * (making her account when she has none: then `name` is needed) and signs her in.
 * @param {string} token @param {string} [name]
 * @returns {Promise<string>} the network's id
 */
export async function acceptInvitation(token, name) {
  const answer = await request('POST', '/api/auth/invite', name ? { token, name: name.trim() } : { token });
  sessionStale(); // a new session: ask who we are, and for its CSRF token
  await confirmSession();
  return answer.network_id;
}

/**
 * What the screen confirming a request made with no account shows (410 when used or expired).
 * @param {string} token @returns {Promise<{email: string, request: {name: string}}>}
 */
export async function requestConfirmationInfo(token) {
  return request('GET', `/api/auth/confirm-request/${encodeURIComponent(token)}`);
}

/**
 * Its button: the server runs `network_request.confirm` (her account if she has
 * none, then the request) and signs her in.
 * @param {string} token
 */
export async function confirmRequest(token) {
  await request('POST', '/api/auth/confirm-request', { token });
  sessionStale();
  await confirmSession();
}
