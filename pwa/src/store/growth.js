/**
 * Keeping recent history (docs/sync-protocol.md, "Growth"): older posts a
 * thread fetched on demand join the rows, and a light pruning drops others'
 * old posts outside the threads she keeps whole — opened, starred, or ones
 * she wrote in.
 */
import { db } from './db.js';
import { applyServerChange } from './rows.js';
import { ALL_STORES, ROW_STORES } from './schema.js';
import { time } from './plain.js';
import { notify } from './changes.js';

/** What a page of older posts brings (GET /api/threads/<id>/posts): the posts and what hangs on them. */
const FETCHED = new Set(['post', 'attachment', 'reaction', 'post_revision']);

/**
 * Rows fetched for one thread (pull-shaped `put` changes). A row already held
 * stays as it is: pulls keep it current, and it may carry her pending edit.
 * @param {{type: string, id: string, op: string, scope: string, data: any}[]} changes
 */
export async function holdFetched(changes) {
  const tx = (await db()).transaction(ALL_STORES, 'readwrite');
  for (const change of changes) {
    if (!FETCHED.has(change.type) || change.op !== 'put') continue;
    if (await tx.objectStore(ROW_STORES[change.type].store).get(change.id)) continue; // ours is as new
    await applyServerChange(tx, change);
  }
  await tx.done;
  notify();
}

/**
 * Drops others' posts older than `days` (and what hangs on them) in threads
 * she does not keep, outside the networks she keeps whole. Never a pending row.
 * @param {string} meId @param {number} days @param {string[]} [wholeNetworks] network ids
 * @returns {Promise<number>} how many posts went
 */
export async function pruneOldPosts(meId, days, wholeNetworks = []) {
  const whole = new Set(wholeNetworks.map((id) => `network:${id}`));
  const cutoff = Date.now() - days * 86_400_000;
  const tx = (await db()).transaction(['posts', 'thread_states', 'reactions', 'post_revisions', 'attachments'], 'readwrite');
  const posts = tx.objectStore('posts');
  const all = await posts.getAll();
  const kept = new Set(all.filter((p) => p.author_id === meId).map((p) => p.thread_id));
  for (const s of await tx.objectStore('thread_states').getAll()) if (s.read_at || s.starred) kept.add(s.thread_id);
  let count = 0;
  for (const p of all) {
    if (p._pending || kept.has(p.thread_id) || time(p.created_at) >= cutoff) continue;
    if ((p._scopes || []).some((/** @type {string} */ s) => whole.has(s))) continue;
    await posts.delete(p.id);
    for (const store of ['reactions', 'post_revisions', 'attachments']) {
      const os = tx.objectStore(store);
      for (const key of await os.index('post_id').getAllKeys(p.id)) await os.delete(key);
    }
    count += 1;
  }
  await tx.done;
  if (count) notify();
  return count;
}
