/**
 * Small key → value facts about this device: who is signed in (`me`, so the app
 * knows her offline), the client id, the next mutation id, the pull cursor and
 * the time of the last full sync.
 */
import { db } from './db.js';
import { META } from './schema.js';
import { notify } from './changes.js';

/**
 * @typedef {{id: string, name: string, email: string, lang?: string}} Me
 * @typedef {'me'|'csrf_token'|'limits'|'client_id'|'next_mutation_id'|'cursor'|'last_sync_at'|'keep_all'|'keep_networks'|'pruned_at'|'session_id'} MetaKey
 *   limits: what the server takes (the largest file); keep_all: she keeps every post, not only
 *   the last 90 days, in every network; keep_networks: the ids of the networks she keeps whole
 *   (the others: the window); pruned_at: the last pruning
 */

/** @param {MetaKey} key */
export async function getMeta(key) {
  return (await db()).get(META, key);
}

/** @param {MetaKey} key @param {any} value */
export async function setMeta(key, value) {
  await (await db()).put(META, value, key);
  notify();
}

/**
 * The client id of this installation, made on first use.
 * @param {import('idb').IDBPTransaction<any, string[], 'readwrite'>} tx
 * @param {() => string} newId
 */
export async function ensureClientId(tx, newId) {
  const meta = tx.objectStore(META);
  let clientId = await meta.get('client_id');
  if (!clientId) {
    clientId = newId();
    await meta.put(clientId, 'client_id');
    await meta.put(1, 'next_mutation_id');
  }
  return clientId;
}
