/** Search on the server (server/search/), beside the device's own (store/search.js); needs a connection. */
import { request } from '../api.js';

/** @typedef {import('../../store/search.js').Hit} Hit */

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
