/**
 * Her edits of a good practice that someone else's later edit overwrote
 * (docs/sync-protocol.md, "Edits overwritten"): at pull time, when the row she
 * edited (pending or confirmed) comes back with other values, another editor
 * and a later edited_at, her values are kept here beside the row, in `meta`
 * under `overwritten:<resource id>`, until she takes them back or leaves his.
 */
import { db } from './db.js';
import { META } from './schema.js';
import { notify } from './changes.js';
import { time } from './plain.js';

/** What she wrote of a practice: the fields resource.update takes. */
export const EDITED = ['title', 'description', 'tags', 'school_level', 'subject', 'url'];

/**
 * @typedef {{id: string, mine: Record<string, any>, mine_at: string, by: string, at: string}} Overwritten
 *   mine: her values; mine_at: when she wrote them; by, at: who overwrote them, and when
 */

const key = (/** @type {string} */ id) => `overwritten:${id}`;

/** @param {any} a @param {any} b */
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Did this pulled row overwrite her edit? The row as the device had it (her
 * pending edit on top, or the server's copy of her confirmed one) against the
 * server's new one.
 * @param {any} old the stored record, or undefined @param {any} data the pulled row @param {string} me
 * @returns {Overwritten | null}
 */
export function overwriteOf(old, data, me) {
  if (!old || old._deleted || !me || old.edited_by !== me) return null;
  if (!data.edited_by || data.edited_by === me || time(data.edited_at) <= time(old.edited_at)) return null;
  if (EDITED.every((k) => same(old[k], data[k]))) return null;
  /** @type {Record<string, any>} */
  const mine = {};
  for (const k of EDITED) mine[k] = old[k] ?? null;
  return { id: data.id, mine, mine_at: old.edited_at, by: data.edited_by, at: data.edited_at };
}

/**
 * Called by applyPull before it puts the server's rows back: keeps what a
 * change overwrites; forgets what is settled (her own edit came back, the row went).
 * @param {import('idb').IDBPTransaction<any, string[], 'readwrite'>} tx
 * @param {{op: string, type?: string, id?: string, data?: any}[]} changes
 */
export async function noteOverwrites(tx, changes) {
  const meta = tx.objectStore(META);
  const me = (await meta.get('me'))?.id;
  if (!me) return;
  const rows = tx.objectStore('resources');
  for (const change of changes) {
    if (change.type !== 'resource' || !change.id) continue;
    if (change.op === 'delete') {
      await meta.delete(key(change.id));
      continue;
    }
    if (change.op !== 'put') continue;
    const found = overwriteOf(await rows.get(change.id), { ...change.data, id: change.id }, me);
    if (found) await meta.put(found, key(change.id));
    else if (change.data?.edited_by === me) await meta.delete(key(change.id));
  }
}

/** Her overwritten values of a practice, or null. @param {string} resourceId @returns {Promise<Overwritten | null>} */
export async function overwrittenOf(resourceId) {
  return (await (await db()).get(META, key(resourceId))) || null;
}

/** She leaves the other version (or took hers back). @param {string} resourceId */
export async function forgetOverwritten(resourceId) {
  await (await db()).delete(META, key(resourceId));
  notify();
}
