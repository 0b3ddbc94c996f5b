/**
 * Search over what the device holds, with the server's folding and stemming
 * (folding.js), so offline the same query finds the same things among the rows
 * it has. Results have the server's shape (docs/sync-protocol.md, "Search").
 */
import { db } from './db.js';
import { matches, queryTerms, snippet } from './folding.js';
import { rows, time } from './plain.js';

/** @typedef {{type: 'thread'|'post'|'resource', id: string, thread_id?: string, network_id: string, snippet: string}} Hit */

/** The text the server indexes for each kind of row. @param {string} type @param {Record<string, any>} r */
function textOf(type, r) {
  if (type === 'thread') return r.title || '';
  if (type === 'post') return r.body || '';
  return [r.title, r.description, r.subject, (r.tags || []).join(' ')].filter(Boolean).join('\n');
}

/**
 * @param {string} query @param {string} [networkId] only this network
 * @param {number} [limit]
 * @returns {Promise<Hit[]>} newest first
 */
export async function searchLocal(query, networkId, limit = 50) {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const d = await db();
  /** @param {string} store */
  const load = async (store) =>
    rows(networkId ? await d.getAllFromIndex(store, '_scopes', `network:${networkId}`) : await d.getAll(store));
  /** @type {(Hit & {at: number})[]} */
  const hits = [];
  for (const [type, store] of /** @type {const} */ ([['thread', 'threads'], ['post', 'posts'], ['resource', 'resources']])) {
    for (const r of await load(store)) {
      const text = textOf(type, r);
      if (!matches(text, terms)) continue;
      hits.push({
        type,
        id: r.id,
        network_id: r.network_id,
        ...(type === 'resource' ? {} : { thread_id: type === 'thread' ? r.id : r.thread_id }),
        snippet: snippet(text, terms),
        at: time(r.created_at),
      });
    }
  }
  return hits.sort((a, b) => b.at - a.at).slice(0, limit).map(({ at, ...hit }) => hit);
}
