/**
 * Pull until the server says there is no more; each page is applied (and the
 * cursor moved) in its own transaction, so a slow link keeps what it got.
 */
import * as store from '../store/index.js';
import { request, ApiError } from './api.js';
import { storeMutators } from './mutators.js';

const PAGE = 1000;

/** @returns {Promise<number>} how many changes arrived */
export async function pullAll() {
  let count = 0;
  let cursor = await store.getMeta('cursor');
  for (;;) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (cursor) query.set('cursor', cursor);
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
    await store.applyPull(page, storeMutators);
    count += page.changes.length;
    cursor = page.cursor;
    if (!page.more) return count;
  }
}
