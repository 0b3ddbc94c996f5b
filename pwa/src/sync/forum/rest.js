/**
 * The forum's reads beside the sync that need a connection: older pages of a
 * thread (docs/sync-protocol.md, "Growth") and a network's export.
 * NetworkError says there is no connection.
 */
import * as store from '../../store/index.js';
import { request } from '../api.js';

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

/** Where the browser downloads a network's forum (members only). @param {string} networkId */
export const exportUrl = (networkId) => `/api/networks/${encodeURIComponent(networkId)}/export`;
