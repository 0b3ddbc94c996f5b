/**
 * REST beside the sync (docs/sync-protocol.md): what cannot wait in the outbox
 * because it needs the server's answer now — the public request form of
 * someone with no account, accepting an invitation, the staff dashboard, and
 * a network's export. Each needs a connection; NetworkError says there is none.
 */
import { request } from './api.js';
import { confirmSession, sessionStale } from './session.js';

/**
 * Someone with no account asks for a network; the server mails her a link
 * that confirms the address (and only then files the request).
 * @param {{email: string, name: string, function: string, request: Record<string, any>}} form
 */
export async function sendPublicRequest(form) {
  await request('POST', '/api/public/network-requests', { ...form, email: form.email.trim().toLowerCase() });
}

/**
 * She follows an invitation with no account yet: the server makes it, adds her
 * to the network and signs her in.
 * @param {string} token @param {string} name
 * @returns {Promise<string>} the network's id
 */
export async function acceptInvitation(token, name) {
  const answer = await request('POST', '/api/auth/invite', { token, name: name.trim() });
  sessionStale(); // a new session: ask who we are, and for its CSRF token
  await confirmSession();
  return answer.network_id;
}

/**
 * @typedef {{id: string, name: string, kind: string, status: string, recruitment: string,
 *   school_year: string|null, capacity: number|null, members: number, pending: number, schools: number}} DashboardNetwork
 * @typedef {{requests: {pending: number, approved: number, rejected: number},
 *   networks: DashboardNetwork[], by_kind: Record<string, Record<string, number>>,
 *   schools: {id: string, name: string, town: string, members: number}[]}} Dashboard
 * @returns {Promise<Dashboard>}
 */
export async function staffDashboard() {
  return request('GET', '/api/staff/dashboard');
}

/** Where the browser downloads a network's forum (members only). @param {string} networkId */
export const exportUrl = (networkId) => `/api/networks/${encodeURIComponent(networkId)}/export`;
