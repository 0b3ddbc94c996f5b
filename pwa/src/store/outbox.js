/**
 * The outbox: local writes waiting for the server, and what happens to them
 * when push and pull answer. Each function is one IndexedDB transaction, so a
 * reload never sees a row change without its outbox entry (or the other way).
 * The sync layer hands in its table of local mutators; the store opens the
 * transaction and runs them on its own RowTx (no transaction leaves the store).
 */
import { db } from './db.js';
import { ALL_STORES, META, OUTBOX, REJECTED, ROW_STORE_NAMES, UPLOADS } from './schema.js';
import { RowTx, resetPending, applyServerChange } from './rows.js';
import { ensureClientId } from './meta.js';
import { queueAttachment } from './files.js';
import { settleConfirmed } from './settle.js';
import { noteOverwrites } from './overwritten.js';
import { notify } from './changes.js';

/**
 * @typedef {import('./schema.js').OutboxEntry} OutboxEntry
 * @typedef {import('./rows.js').Mutators} Mutators
 * @typedef {import('./files.js').Attached} Attached
 * @typedef {{id: number, status: 'applied'|'duplicate'|'rejected', error?: any}} PushResult
 */

/**
 * Runs the local mutator `name` and appends its outbox entry, atomically.
 * If the mutator throws, nothing is written and the error goes to the caller.
 * @param {string} name @param {object} args @param {Mutators} mutators
 * @param {() => string} newClientId
 * @param {Attached[]} [files] files that land with it, in the same transaction
 *   (a new post's attachments: files.js sets their `attachment.add` aside)
 * @returns {Promise<number>} the mutation id
 */
export async function runLocalMutation(name, args, mutators, newClientId, files = []) {
  const mutator = mutators[name];
  if (!mutator) throw new Error(`no local mutator ${name}`);
  const tx = (await db()).transaction(ALL_STORES, 'readwrite');
  tx.done.catch(() => {}); // an abort below is reported through `err`
  try {
    await ensureClientId(tx, newClientId);
    const meta = tx.objectStore(META);
    const id = (await meta.get('next_mutation_id')) || 1;
    const created_at = new Date().toISOString();
    await mutator(new RowTx(tx), args, { at: created_at });
    await meta.put(id + 1, 'next_mutation_id');
    await tx.objectStore(OUTBOX).put({ id, name, args, created_at });
    for (const file of files) await queueAttachment(tx, file, mutators, created_at);
    await tx.done;
    notify();
    return id;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    throw err;
  }
}

/**
 * What to push next: the client id and the outbox in id order.
 * @param {number} limit
 * @returns {Promise<{clientId: string|undefined, entries: OutboxEntry[]}>}
 */
export async function outboxBatch(limit) {
  const tx = (await db()).transaction([META, OUTBOX]);
  const clientId = await tx.objectStore(META).get('client_id');
  const entries = await tx.objectStore(OUTBOX).getAll(undefined, limit);
  await tx.done;
  return { clientId, entries };
}

/**
 * Re-applies the waiting entries on top of the rows (after resetPending).
 * A mutator that fails now (its thread is gone) just shows nothing: the push
 * will be rejected and the text lands in the rejected list.
 * @param {import('idb').IDBPTransaction<any, string[], 'readwrite'>} tx
 * @param {Mutators} mutators
 */
async function rebase(tx, mutators) {
  const rows = new RowTx(tx);
  // Attachments waiting for their bytes come after every numbered entry (files.js).
  const entries = [...(await tx.objectStore(OUTBOX).getAll()), ...(await tx.objectStore(UPLOADS).getAll())];
  for (const entry of entries) {
    const mutator = mutators[entry.name];
    if (!mutator) continue;
    try {
      await mutator(rows, entry.args, { at: entry.created_at || new Date().toISOString() });
    } catch (err) {
      if (err instanceof DOMException) throw err; // the transaction itself broke
    }
  }
}

/**
 * Applies the answer to a push whose entries were sent with `clientId`.
 * applied, or duplicate without an error → gone from the outbox; rejected, or
 * duplicate with an error (the server repeats how an earlier, lost answer
 * ended) → kept, with the user's text, in the rejected list.
 * Returns how many were rejected.
 * @param {string} clientId @param {PushResult[]} results @param {Mutators} mutators
 */
export async function applyPushResults(clientId, results, mutators) {
  const tx = (await db()).transaction(ALL_STORES, 'readwrite');
  // A gap renumbering may have run meanwhile: these results then say nothing about the outbox.
  if ((await tx.objectStore(META).get('client_id')) !== clientId) {
    await tx.done;
    return 0;
  }
  const outbox = tx.objectStore(OUTBOX);
  let rejected = 0;
  for (const result of results) {
    const entry = await outbox.get(result.id);
    if (!entry) continue;
    if (result.status === 'rejected' || (result.status === 'duplicate' && result.error)) {
      rejected += 1;
      await tx.objectStore(REJECTED).add({
        mutation_id: entry.id,
        name: entry.name,
        args: entry.args,
        error: result.error || { code: 'unknown', message: '' },
        rejected_at: new Date().toISOString(),
        ...(entry.tries ? { tries: entry.tries } : {}), // a file_missing re-upload counts (files.js)
      });
    }
    await outbox.delete(result.id);
  }
  if (rejected) {
    // Take the refused change's optimistic effect off the screen.
    await resetPending(tx);
    await rebase(tx, mutators);
  }
  await tx.done;
  notify();
  return rejected;
}

/**
 * The server saw a gap (or the client id is someone else's): start over with a
 * new client id and number what is left 1, 2, 3…
 * @param {string} oldClientId @param {string} newClientId
 */
export async function renumberOutbox(oldClientId, newClientId) {
  const tx = (await db()).transaction([META, OUTBOX], 'readwrite');
  if ((await tx.objectStore(META).get('client_id')) !== oldClientId) return tx.done; // someone did it already
  await startOver(tx, newClientId);
  await tx.done;
  notify();
}

/**
 * What is left in the outbox, numbered 1, 2, 3… under a new client id.
 * @param {import('idb').IDBPTransaction<any, string[], 'readwrite'>} tx @param {string} newClientId
 */
async function startOver(tx, newClientId) {
  const meta = tx.objectStore(META);
  const outbox = tx.objectStore(OUTBOX);
  const entries = await outbox.getAll();
  await outbox.clear();
  let id = 1;
  for (const entry of entries) await outbox.put({ ...entry, id: id++ });
  await meta.put(newClientId, 'client_id');
  await meta.put(id, 'next_mutation_id');
}

/**
 * The server answers (a pull went through) but keeps failing on this one
 * mutation sent alone: it goes to the rejected list with her words and a way
 * to send it again, its effect leaves the screen, and the rest starts over
 * under a new client id (docs/sync-protocol.md, "The PWA's outbox": the server
 * may have counted the id we set aside, so the old numbering cannot go on).
 * Nothing happens when the outbox no longer starts with it (a pull settled it).
 * @param {string} clientId @param {number} mutationId @param {string} newClientId
 * @param {{code: string, message: string, status?: number}} error
 * @param {Mutators} mutators
 * @returns {Promise<boolean>} whether it was set aside
 */
export async function setAsideStuck(clientId, mutationId, newClientId, error, mutators) {
  const tx = (await db()).transaction(ALL_STORES, 'readwrite');
  const outbox = tx.objectStore(OUTBOX);
  const [first] = await outbox.getAll(undefined, 1);
  if ((await tx.objectStore(META).get('client_id')) !== clientId || first?.id !== mutationId) {
    await tx.done;
    return false;
  }
  await tx.objectStore(REJECTED).add({
    mutation_id: first.id,
    name: first.name,
    args: first.args,
    error,
    rejected_at: new Date().toISOString(),
    set_aside: 1,
  });
  await outbox.delete(first.id);
  await startOver(tx, newClientId);
  await resetPending(tx);
  await rebase(tx, mutators);
  await tx.done;
  notify();
  return true;
}

/**
 * She sends a refused or set-aside change again: it joins the outbox as her
 * newest write (the next mutation id), shown again at once. A local mutator
 * that refuses it now does not stop it: the server has the last word, and a
 * refusal brings it back to the list with the reason.
 * @param {number} key @param {Mutators} mutators @param {() => string} newClientId
 * @returns {Promise<number>} the new mutation id, 0 when the entry was gone
 */
export async function retryRejected(key, mutators, newClientId) {
  const tx = (await db()).transaction(ALL_STORES, 'readwrite');
  const rejected = tx.objectStore(REJECTED);
  /** @type {import('./schema.js').RejectedEntry | undefined} */
  const entry = await rejected.get(key);
  if (!entry) {
    await tx.done;
    return 0;
  }
  await ensureClientId(tx, newClientId);
  const meta = tx.objectStore(META);
  const id = (await meta.get('next_mutation_id')) || 1;
  const created_at = new Date().toISOString();
  try {
    await mutators[entry.name]?.(new RowTx(tx), entry.args, { at: created_at });
  } catch (err) {
    if (err instanceof DOMException) throw err;
  }
  await meta.put(id + 1, 'next_mutation_id');
  await tx.objectStore(OUTBOX).put({ id, name: entry.name, args: entry.args, created_at });
  await rejected.delete(key);
  await tx.done;
  notify();
  return id;
}

/**
 * Applies one page of a pull: undo optimistic writes (the first page of a pull
 * from nothing also drops every row held), write the server's changes, drop
 * what the server confirmed, re-apply what still waits, move the cursor.
 * Only when the page answers the question still standing: the cursor and the
 * choice of window it was asked with are still the device's. Otherwise (she
 * changed what the phone keeps meanwhile, or the cursor was forgotten) nothing is
 * written and the caller asks again.
 * @param {{cursor: string, more: boolean, last_mutation_ids?: Record<string, number>,
 *   changes: any[]}} page
 * @param {Mutators} mutators
 * @param {{cursor: string|null|undefined, keepAll: boolean, kept?: string[]}} [asked] what the page was asked with
 *   (kept: the networks kept whole, sorted)
 * @returns {Promise<boolean>} false: not applied, ask again
 */
export async function applyPull(page, mutators, asked) {
  const tx = (await db()).transaction(ALL_STORES, 'readwrite');
  const meta = tx.objectStore(META);
  if (asked && ((await meta.get('cursor')) || null) !== (asked.cursor || null)) return tx.done.then(() => false);
  if (asked && !!(await meta.get('keep_all')) !== asked.keepAll) return tx.done.then(() => false);
  if (asked?.kept && [...((await meta.get('keep_networks')) || [])].sort().join() !== asked.kept.join()) {
    return tx.done.then(() => false);
  }
  const clientId = await meta.get('client_id');
  const done = clientId && page.last_mutation_ids ? page.last_mutation_ids[clientId] : undefined;
  const fromScratch = !(await meta.get('cursor'));
  await noteOverwrites(tx, page.changes); // before her pending edits are undone
  await resetPending(tx);
  // A pull from nothing (first sign-in, an upgraded database, a cursor the
  // server forgot) brings every row there is: what it does not bring is stale.
  if (fromScratch) for (const name of ROW_STORE_NAMES) await tx.objectStore(name).clear();
  for (const change of page.changes) await applyServerChange(tx, change);
  // The rows are the server's now: entries it counts as done and whose effect shows are dropped.
  if (typeof done === 'number' && done >= 1) await settleConfirmed(tx, done);
  await rebase(tx, mutators);
  await meta.put(page.cursor, 'cursor');
  if (!page.more) await meta.put(new Date().toISOString(), 'last_sync_at');
  await tx.done;
  notify();
  return true;
}
