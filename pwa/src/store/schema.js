/**
 * Shape of the `krag` IndexedDB database. Only pwa/src/store reads this file.
 *
 * Row stores hold the server's fields at the top level plus a few bookkeeping
 * fields, all starting with "_":
 *   _scopes  scopes the row came from (multiEntry index: a purge finds its rows)
 *   _pending 1 while a local mutation not yet confirmed touched the row
 *            (a number, not a boolean: booleans are not valid IndexedDB keys)
 *   _base    the server copy to go back to when pending mutations are rebased;
 *            null when the row exists only locally
 *   _deleted 1 when a pending local mutation deleted the row
 *
 * @typedef {{_scopes: string[], _pending?: 1, _base?: object|null, _deleted?: 1}} RowMeta
 * @typedef {{id: number, name: string, args: object, created_at: string}} OutboxEntry
 * @typedef {{key?: number, mutation_id: number, name: string, args: object,
 *   error: {code: string, message: string, fields?: object}, rejected_at: string}} RejectedEntry
 */

export const DB_NAME = 'krag';
/**
 * Raise it when a store or index changes. upgrade() must then also delete the
 * cursor, so the next pull brings every row again (rows of types this version
 * skipped included); the outbox, rejected list and drafts are kept.
 */
export const DB_VERSION = 1;

/** Sync type name → object store, with the extra indexes each store needs. */
export const ROW_STORES = {
  network: { store: 'networks', indexes: [] },
  membership: { store: 'memberships', indexes: ['user_id'] },
  user: { store: 'users', indexes: [] },
  thread: { store: 'threads', indexes: ['network_id'] },
  post: { store: 'posts', indexes: ['thread_id'] },
};

export const ROW_STORE_NAMES = Object.values(ROW_STORES).map((s) => s.store);
export const META = 'meta';
export const OUTBOX = 'outbox';
export const REJECTED = 'rejected';
export const DRAFTS = 'drafts';
export const ALL_STORES = [...ROW_STORE_NAMES, META, OUTBOX, REJECTED, DRAFTS];

/**
 * @param {import('idb').IDBPDatabase} db
 * @param {number} oldVersion
 */
export function upgrade(db, oldVersion) {
  if (oldVersion < 1) {
    for (const { store, indexes } of Object.values(ROW_STORES)) {
      const os = db.createObjectStore(store, { keyPath: 'id' });
      os.createIndex('_scopes', '_scopes', { multiEntry: true });
      os.createIndex('_pending', '_pending');
      for (const field of indexes) os.createIndex(field, field);
    }
    db.createObjectStore(META); // out-of-line keys: client_id, next_mutation_id, cursor, me…
    db.createObjectStore(OUTBOX, { keyPath: 'id' }); // mutation id: push order
    db.createObjectStore(REJECTED, { keyPath: 'key', autoIncrement: true });
    db.createObjectStore(DRAFTS); // key: what the draft is for, e.g. "reply:<thread id>"
  }
}

/** @param {string} type */
export function storeOf(type) {
  const entry = ROW_STORES[/** @type {keyof typeof ROW_STORES} */ (type)];
  return entry ? entry.store : null;
}

/**
 * The row as the app sees it: without bookkeeping fields, but with `pending`.
 * @param {any} record
 * @returns {Record<string, any> | null}
 */
export function toRow(record) {
  if (!record || record._deleted) return null;
  /** @type {Record<string, any>} */
  const row = {};
  for (const k in record) if (k[0] !== '_') row[k] = record[k];
  row.pending = record._pending === 1;
  return row;
}

/**
 * The server copy inside a record (what `_base` keeps).
 * @param {any} record
 * @returns {Record<string, any>}
 */
export function serverFields(record) {
  /** @type {Record<string, any>} */
  const row = {};
  for (const k in record) if (k[0] !== '_') row[k] = record[k];
  return row;
}
