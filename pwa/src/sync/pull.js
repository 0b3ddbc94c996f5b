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
 * What the device asks to keep (docs/sync-protocol.md, "Per network"): the older
 * global "keep every post" (no window at all), or the window with the networks
 * she keeps whole.
 * @returns {Promise<{keepAll: boolean, kept: string[]}>}
 */
export async function windowChoice() {
  const keepAll = !!(await store.getMeta('keep_all'));
  const kept = /** @type {string[]} */ ((await store.getMeta('keep_networks')) || []);
  return { keepAll, kept: [...kept].sort() };
}

/**
 * A page is applied only if the cursor and the window it was asked with are
 * still the device's (store.applyPull): when she changes what a network keeps
 * while a pull runs, that pull asks again with her new choice instead of
 * writing its old cursor over the change.
 * @returns {Promise<number>} how many changes arrived
 */
export async function pullAll() {
  let count = 0;
  let cursor = await store.getMeta('cursor');
  let choice = await windowChoice();
  for (;;) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (cursor) query.set('cursor', cursor);
    if (!choice.keepAll) query.set('window_days', String(WINDOW_DAYS));
    if (!choice.keepAll && choice.kept.length) query.set('keep_all', choice.kept.map((id) => `network:${id}`).join(','));
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
    if (!(await store.applyPull(page, mutators, { cursor, keepAll: choice.keepAll, kept: choice.kept }))) {
      cursor = await store.getMeta('cursor'); // changed under us: ask again with what is there now
      choice = await windowChoice();
      continue;
    }
    count += page.changes.length;
    cursor = page.cursor;
    if (!page.more) {
      if (!choice.keepAll) await pruneNowAndThen(choice.kept);
      return count;
    }
  }
}

/**
 * Once a day (and at once after she narrowed a network): others' posts that fell
 * out of the window go, except in the networks she keeps whole and the threads she keeps.
 * @param {string[]} kept network ids
 */
async function pruneNowAndThen(kept) {
  const me = await store.getMeta('me');
  const last = Date.parse((await store.getMeta('pruned_at')) || '') || 0;
  if (!me?.id || Date.now() - last < PRUNE_EVERY_MS) return;
  await store.pruneOldPosts(me.id, WINDOW_DAYS, kept);
  await store.setMeta('pruned_at', new Date().toISOString());
}

/**
 * One network whole, or its recent window. No pull from nothing: the next pull
 * reads that network again from its start (whole), or gives it its floor and
 * prunes its old posts at once (window). Leaving the older global "keep every
 * post" keeps every other network whole.
 * @param {string} networkId @param {boolean} whole @param {string[]} networkIds all her networks
 */
export async function setNetworkKept(networkId, whole, networkIds) {
  const { keepAll, kept } = await windowChoice();
  const now = new Set(keepAll ? networkIds : kept);
  if (whole) now.add(networkId);
  else now.delete(networkId);
  await store.setMeta('keep_networks', [...now].sort());
  if (keepAll) await store.setMeta('keep_all', false);
  if (!whole) await store.setMeta('pruned_at', null);
}
