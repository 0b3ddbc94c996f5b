/**
 * Outbox entries that a pull's last_mutation_ids counts as done. Normally the
 * push answer already removed them; when that answer was lost (the link dropped
 * mid-request) we do not know whether the server applied or refused them.
 * An entry whose effect shows in the pulled rows is dropped. Any other stays in
 * the outbox: pushing it again gets a `duplicate` that carries the original
 * error if it was refused, so it lands in the rejected list with her words.
 */
import { OUTBOX } from './schema.js';

/**
 * @param {import('idb').IDBPTransaction<any, string[], 'readwrite'>} tx
 *   rows must hold the server's copies (after resetPending and the pull's changes)
 * @param {number} lastId
 */
export async function settleConfirmed(tx, lastId) {
  const outbox = tx.objectStore(OUTBOX);
  const all = await outbox.getAll();
  for (const entry of all) {
    if (entry.id > lastId) break; // getAll returns them in id order
    const later = all.filter((e) => e.id > entry.id);
    if (await visible(tx, entry, later)) await outbox.delete(entry.id);
  }
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
      return false; // no rule for it here: let the push tell
  }
}
