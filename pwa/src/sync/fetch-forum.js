/**
 * REST reads beside the sync that need a connection: search on the server,
 * older pages of a thread (docs/sync-protocol.md, "Growth"), and a file's
 * bytes kept for offline use. NetworkError says there is no connection.
 */
import * as store from '../store/index.js';
import { request, rawFetch, ApiError } from './api.js';

/** @typedef {import('../store/search.js').Hit} Hit */

/**
 * @param {string} q @param {string} [networkId]
 * @returns {Promise<Hit[]>}
 */
export async function searchOnline(q, networkId) {
  const query = new URLSearchParams({ q, limit: '50' });
  if (networkId) query.set('network_id', networkId);
  const answer = await request('GET', `/api/search?${query}`);
  return answer?.results || [];
}

/**
 * One older page of a thread, kept on the device.
 * @param {string} threadId @param {string|null} before the oldest post held (ISO)
 * @returns {Promise<boolean>} whether still older posts wait
 */
export async function fetchOlderPosts(threadId, before) {
  const query = new URLSearchParams({ limit: '50' });
  if (before) query.set('before', before);
  const answer = await request('GET', `/api/threads/${encodeURIComponent(threadId)}/posts?${query}`);
  await store.holdFetched(answer?.changes || []);
  return !!answer?.more;
}

/**
 * Downloads an attachment's bytes and keeps them ("dostępne offline").
 * @param {{id: string, sha256: string, name: string}} attachment
 */
export async function keepAttachmentOffline(attachment) {
  const res = await rawFetch('GET', `/api/attachments/${encodeURIComponent(attachment.id)}`);
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  await store.keepOffline(attachment.sha256, { blob: await res.blob(), name: attachment.name });
}

/** @param {string} sha256 */
export const forgetOffline = (sha256) => store.keepOffline(sha256, null);
