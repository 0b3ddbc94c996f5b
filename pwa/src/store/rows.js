/**
 * Row writes inside one IndexedDB transaction: the local (optimistic) writes
 * the mutators make, the server's changes from a pull, purges, and the reset
 * that undoes optimistic writes before a rebase.
 */
import { FILES, ROW_STORE_NAMES, serverFields, storeOf, toRow } from './schema.js';
import { rows } from './plain.js';

/**
 * A local mutator as the store runs it, inside a transaction it opens: the rows
 * of that transaction, the mutation's arguments, and when she wrote it (`at`,
 * the entry's time again at every rebase, not the clock).
 * @typedef {(rows: RowTx, args: any, ctx: {at: string}) => Promise<void>} Mutator
 * @typedef {Record<string, Mutator>} Mutators
 */

/**
 * What a local mutator gets: read and write rows of the open transaction.
 * Every write marks the row pending and keeps the server copy in `_base`, so a
 * rebase can go back to it.
 */
export class RowTx {
  /** @param {import('idb').IDBPTransaction<any, string[], 'readwrite'>} tx */
  constructor(tx) {
    this.tx = tx;
  }

  /** @param {string} type */
  os(type) {
    const name = storeOf(type);
    if (!name) throw new Error(`unknown row type ${type}`);
    return this.tx.objectStore(name);
  }

  /**
   * The row as the app sees it, or null (missing or deleted locally).
   * @param {string} type @param {string} id
   */
  async get(type, id) {
    return toRow(await this.os(type).get(id));
  }

  /**
   * Rows whose `field` (an indexed one) equals `value`, as the app sees them.
   * @param {string} type @param {string} field @param {string} value
   */
  async byIndex(type, field, value) {
    return rows(await this.os(type).index(field).getAll(value));
  }

  /** Every row of a type, as the app sees them. @param {string} type */
  async all(type) {
    return rows(await this.os(type).getAll());
  }

  /**
   * What the device knows of a file it keeps (files.js), without its bytes.
   * @param {string} sha256 @returns {Promise<{name: string, mime: string, size: number} | null>}
   */
  async file(sha256) {
    const found = await this.tx.objectStore(FILES).get(sha256);
    return found ? { name: found.name, mime: found.mime, size: found.size } : null;
  }

  /**
   * Writes the row's fields (merged over the current ones) as a pending change.
   * @param {string} type @param {{id: string} & Record<string, any>} fields
   */
  async put(type, fields) {
    const os = this.os(type);
    const old = await os.get(fields.id);
    /** @type {Record<string, any>} */
    const record = { ...(old && !old._deleted ? serverFields(old) : {}), ...fields };
    delete record.pending;
    record._scopes = old ? old._scopes : [];
    record._pending = 1;
    record._base = baseOf(old);
    await os.put(record);
  }

  /** Marks the row deleted, pending. @param {string} type @param {string} id */
  async remove(type, id) {
    const os = this.os(type);
    const old = await os.get(id);
    if (!old) return;
    const base = baseOf(old);
    if (base === null) {
      await os.delete(id); // only ever existed here
      return;
    }
    await os.put({ ...old, _deleted: 1, _pending: 1, _base: base });
  }
}

/** The server copy to keep when a row is first touched locally. @param {any} old */
function baseOf(old) {
  if (!old) return null;
  if (old._pending === 1) return old._base ?? null;
  return serverFields(old);
}

/**
 * Undoes every optimistic write: pending rows go back to their server copy.
 * @param {import('idb').IDBPTransaction<any, string[], 'readwrite'>} tx
 */
export async function resetPending(tx) {
  for (const name of ROW_STORE_NAMES) {
    const os = tx.objectStore(name);
    const pending = await os.index('_pending').getAll(1);
    for (const rec of pending) {
      if (!rec._base) await os.delete(rec.id);
      else await os.put({ ...rec._base, _scopes: rec._scopes });
    }
  }
}

/**
 * Applies one change from a pull. Must run after resetPending: it writes the
 * server copy over the row.
 * @param {import('idb').IDBPTransaction<any, string[], 'readwrite'>} tx
 * @param {{op: string, scope: string, type?: string, id?: string, data?: any}} change
 */
export async function applyServerChange(tx, change) {
  if (change.op === 'purge') return purgeScope(tx, change.scope);
  const name = storeOf(change.type || '');
  // A type this version does not show (the server grows faster than the app):
  // skip it. A later version that adds its store pulls again from scratch.
  if (!name) return;
  const os = tx.objectStore(name);
  const old = await os.get(change.id);
  const scopes = new Set(old ? old._scopes : []);
  if (change.op === 'put') {
    scopes.add(change.scope);
    await os.put({ ...change.data, id: change.id, _scopes: [...scopes] });
  } else if (change.op === 'delete') {
    if (!old) return;
    scopes.delete(change.scope);
    // A row can live in several scopes (a user is in each of her networks):
    // it goes only when no scope holds it any more.
    if (scopes.size === 0) await os.delete(change.id);
    else await os.put({ ...old, _scopes: [...scopes] });
  } else {
    console.warn('pull: unknown op', change.op);
  }
}

/**
 * Drops the rows held only because of `scope`.
 * @param {import('idb').IDBPTransaction<any, string[], 'readwrite'>} tx
 * @param {string} scope
 */
async function purgeScope(tx, scope) {
  for (const name of ROW_STORE_NAMES) {
    const os = tx.objectStore(name);
    const held = await os.index('_scopes').getAll(scope);
    for (const rec of held) {
      const rest = rec._scopes.filter((/** @type {string} */ s) => s !== scope);
      if (rest.length === 0) await os.delete(rec.id);
      else await os.put({ ...rec, _scopes: rest });
    }
  }
}
