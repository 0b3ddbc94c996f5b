/**
 * Her data and her account (server/privacy/), and the audit log for admins (server/accounts/audit.py).
 * Only the profile's and the staff's screens import this, so it stays out of the first load.
 */
import * as store from '../../store/index.js';
import { ApiError, rawFetch, request } from '../api.js';
import { mutate } from '../writes.js';
import { engine, signOut } from '../index.js';

/**
 * Everything Krąg holds about her (or, for an admin, about `userId`) as a zip: `dane.json` and her files.
 * A POST: the server writes each download to the audit log. NetworkError offline.
 * @param {string} [userId] @returns {Promise<{blob: Blob, name: string}>}
 */
export async function downloadData(userId) {
  const path = userId ? `/api/people/${encodeURIComponent(userId)}/export` : '/api/me/export';
  const res = await rawFetch('POST', path);
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') || '')?.[1] || 'krag-dane.zip';
  return { blob: await res.blob(), name };
}

/**
 * `account.delete` through the outbox, then the server's verdict: a refusal (only admin, a network she
 * coordinates alone) comes back as its error, for the screen that asked to show (not the list of refused
 * changes); her own account deleted, this device is cleared and signed out.
 * @param {{removePosts: boolean, userId?: string}} what
 * @returns {Promise<null | {code: string, message: string}>} null: deleted
 */
export async function deleteAccount({ removePosts, userId }) {
  const args = { user_id: userId || null, remove_posts: removePosts };
  const known = new Set((await store.rejectedList()).map((r) => r.key));
  await mutate('account.delete', args);
  engine.syncNow();
  const verdict = await new Promise((resolve) => {
    const look = async () => {
      if ((await store.waitingWrites('account.delete')).length) return;
      stop();
      const refused = (await store.rejectedList()).find((r) => r.name === 'account.delete' && !known.has(r.key));
      if (refused?.key !== undefined) await store.dismissRejected(refused.key); // the screen shows it itself
      resolve(refused ? refused.error : null);
    };
    const stop = store.subscribe(() => void look());
    void look();
  });
  if (!verdict && !userId) await signOut(); // nothing of hers stays on this phone
  return /** @type {null | {code: string, message: string}} */ (verdict);
}

/**
 * @typedef {{id: number, at: string, kind: string, actor_id: string|null, subject_id: string|null,
 *   network_id: string|null, target_id: string|null, details: Record<string, any>, ip: string, device: string}} AuditEvent
 * @typedef {{events: AuditEvent[], people: Record<string, string>, next: number|null, kinds: string[], days: number}} AuditPage
 */

/**
 * A page of the audit log, newest first (staff admins only; online only).
 * @param {{kind?: string, person?: string, before?: number|null}} [filter]
 * @returns {Promise<AuditPage>}
 */
export function auditPage(filter = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, String(value));
  return request('GET', `/api/audit${query.size ? `?${query}` : ''}`);
}
