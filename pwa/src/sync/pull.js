/**
 * Pull until the server says there is no more; each page is applied (and the
 * cursor moved) in its own transaction, so a slow link keeps what it got.
 */
import * as store from '../store/index.js';
import { request, ApiError } from './api.js';
import { mutators } from './mutators.js';

const PAGE = 1000;
/** How much of others' history a phone keeps, unless she chose to keep everything. */
export const WINDOW_DAYS = 90;
const PRUNE_EVERY_MS = 24 * 3600_000;

/**
 * A page is applied only if the cursor and the window it was asked with are
 * still the device's (store.applyPull): when she changes "keep every post"
 * while a pull runs, that pull starts over from nothing with her new choice
 * instead of writing its old cursor over the change.
 * @returns {Promise<number>} how many changes arrived
 */
export async function pullAll() {
  let count = 0;
  let cursor = await store.getMeta('cursor');
  let keepAll = !!(await store.getMeta('keep_all'));
  for (;;) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (cursor) query.set('cursor', cursor);
    if (!keepAll) query.set('window_days', String(WINDOW_DAYS));
    let page;
    try {
      page = await request('GET', `/api/sync/pull?${query}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && cursor) {
        // The server does not know our cursor (its database was restored?):
        // start from nothing rather than stay stale.
        await store.forgetServerRows();
        cursor = undefined;
        continue;
      }
      throw err;
    }
    if (!(await store.applyPull(page, mutators, { cursor, keepAll }))) {
      cursor = await store.getMeta('cursor'); // changed under us: ask again with what is there now
      keepAll = !!(await store.getMeta('keep_all'));
      continue;
    }
    count += page.changes.length;
    cursor = page.cursor;
    if (!page.more) {
      if (!keepAll) await pruneNowAndThen();
      return count;
    }
  }
}

/** Once a day: others' posts that fell out of the window go, except where she keeps threads whole. */
async function pruneNowAndThen() {
  const me = await store.getMeta('me');
  const last = Date.parse((await store.getMeta('pruned_at')) || '') || 0;
  if (!me?.id || Date.now() - last < PRUNE_EVERY_MS) return;
  await store.pruneOldPosts(me.id, WINDOW_DAYS);
  await store.setMeta('pruned_at', new Date().toISOString());
}

/**
 * Keep every post, or only the last 90 days of others' (her own, starred and
 * opened threads always stay). The window changed: the next pull starts over.
 * @param {boolean} keepAll
 */
export async function setKeepAll(keepAll) {
  await store.setMeta('keep_all', keepAll);
  await store.setMeta('cursor', null); // the next pull starts from nothing
}
