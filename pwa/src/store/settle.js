/**
 * Outbox entries the server counts as done (a pull's last_mutation_ids) leave
 * the outbox. Normally the push answer already removed them; when that answer
 * was lost (the link dropped mid-request), we cannot know whether the server
 * applied or refused them. So each one is checked against the server's rows:
 * if its effect is not there, it goes to the rejected list with her words kept.
 * A false alarm only shows her text again; a silent loss would be worse.
 */
import { OUTBOX, REJECTED } from './schema.js';

/**
 * @param {import('idb').IDBPTransaction<any, string[], 'readwrite'>} tx
 *   rows must hold the server's copies (after resetPending and the pull's changes)
 * @param {number} lastId
 */
export async function settleConfirmed(tx, lastId) {
  const outbox = tx.objectStore(OUTBOX);
  const all = await outbox.getAll();
  const done = all.filter((e) => e.id <= lastId);
  for (const entry of done) {
    const later = all.filter((e) => e.id > entry.id);
    if (await visible(tx, entry, later)) continue;
    await tx.objectStore(REJECTED).add({
      mutation_id: entry.id,
      name: entry.name,
      args: entry.args,
      error: { code: 'unconfirmed', message: '' },
      rejected_at: new Date().toISOString(),
    });
  }
  if (done.length) await outbox.delete(IDBKeyRange.upperBound(lastId));
}

/**
 * Do the rows show what the entry did? When a later entry touches the same
 * post, the rows cannot tell, and we trust the server.
 * @param {any} tx @param {{name: string, args: any}} entry @param {{name: string, args: any}[]} later
 */
async function visible(tx, entry, later) {
  const { name, args } = entry;
  const post = (/** @type {string} */ id) => tx.objectStore('posts').get(id);
  const touchedLater = (/** @type {string} */ id) =>
    later.some((e) => (e.name === 'post.update' || e.name === 'post.delete') && e.args.id === id);
  switch (name) {
    case 'thread.create':
      return !!(await tx.objectStore('threads').get(args.id)) || touchedLater(args.post_id);
    case 'post.create':
      return !!(await post(args.id)) || touchedLater(args.id);
    case 'post.update': {
      if (touchedLater(args.id)) return true;
      const row = await post(args.id);
      return !!row && row.body === String(args.body).trim();
    }
    case 'post.delete':
      return !(await post(args.id));
    default:
      return true;
  }
}
