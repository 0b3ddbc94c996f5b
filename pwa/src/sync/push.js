/**
 * One push: send the outbox (in id order) and apply the answer.
 * Network errors, 401 and 5xx are thrown to the engine, which retries later;
 * a 5xx as BatchFailed, which says what was sent, so that the engine can tell
 * a batch the server keeps failing on from a server that is down.
 */
import * as store from '../store/index.js';
import { request, ApiError } from './api.js';
import { mutators } from './mutators.js';
import { uuid } from './uuid.js';

export const MAX_BATCH = 1000;

/** The server answered 5xx to this batch. */
export class BatchFailed extends ApiError {
  /** @param {ApiError} err @param {string} clientId @param {number} head its first mutation id @param {number} size */
  constructor(err, clientId, head, size) {
    super(err.status, err.body);
    this.clientId = clientId;
    this.head = head;
    this.size = size;
  }
}

/**
 * @param {number} limit how many entries to send (1 while isolating a bad one)
 * @returns {Promise<{sent: number, applied: number, again: boolean}>}
 *   again: the outbox may still hold something to send now
 */
export async function pushOnce(limit = MAX_BATCH) {
  const { clientId, entries } = await store.outboxBatch(Math.min(limit, MAX_BATCH));
  if (!entries.length || !clientId) return { sent: 0, applied: 0, again: false };
  const mutations = entries.map((e) => ({ id: e.id, name: e.name, args: e.args }));
  try {
    const answer = await request('POST', '/api/sync/push', { client_id: clientId, mutations });
    const results = answer?.results || [];
    await store.applyPushResults(clientId, results, mutators);
    const applied = results.filter((/** @type {any} */ r) => r.status === 'applied').length;
    // More may wait behind this batch; an answer with no results would only repeat itself.
    return { sent: entries.length, applied, again: results.length > 0 };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 409 && err.code === 'mutation_gap') {
      // Keep what was done before the gap, then start over with a new client id.
      await store.applyPushResults(clientId, err.body.results || [], mutators);
      await store.renumberOutbox(clientId, uuid());
      return { sent: entries.length, applied: 0, again: true };
    }
    if (err.status === 403 && err.code === 'client_not_yours') {
      await store.renumberOutbox(clientId, uuid());
      return { sent: entries.length, applied: 0, again: true };
    }
    if (err.status === 400 && entries.length === 1) {
      // The server cannot read this one mutation: it will never be applied.
      // Keep the user's text in the rejected list rather than retry forever.
      const error = { code: err.code, message: err.message, fields: err.fields };
      await store.applyPushResults(
        clientId,
        [{ id: entries[0].id, status: 'rejected', error }],
        mutators,
      );
      return { sent: 1, applied: 0, again: true };
    }
    if (err.status >= 500) throw new BatchFailed(err, clientId, entries[0].id, entries.length);
    throw err;
  }
}

/**
 * The server answers, but keeps failing on this mutation sent alone: set it
 * aside in the rejected list (her words kept, to send again) and number the
 * rest anew (store.setAsideStuck).
 * @param {BatchFailed} failed @returns {Promise<boolean>} whether it was set aside
 */
export async function setAside(failed) {
  const error = { code: 'server_error', message: '', status: failed.status };
  return store.setAsideStuck(failed.clientId, failed.head, uuid(), error, mutators);
}

/** She sends a refused or set-aside change again (store.retryRejected). @param {number} key */
export async function retryRejected(key) {
  return store.retryRejected(key, mutators, uuid);
}
