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
 * @typedef {{id: number, name: string, args: object, created_at: string, tries?: number}} OutboxEntry
 * @typedef {{key?: number, mutation_id: number, name: string, args: object,
 *   error: {code: string, message: string, fields?: object}, rejected_at: string, tries?: number,
 *   set_aside?: 1}} RejectedEntry  set_aside: the server never refused it, it failed on it (outbox.js)
 */

export const DB_NAME = 'krag';
/**
 * Raise it when a store or index changes, and list what that version adds in
 * ROW_STORES (`since`) or in upgrade(). An upgrade of an existing database
 * deletes the cursor: the next pull starts from nothing and brings every row
 * again, rows of types the older version skipped included (see applyPull).
 * The rows already here stay on screen until that pull replaces them; the
 * outbox, rejected list and drafts are kept.
 *   1  networks, memberships, users, threads, posts
 *   2  network requests, schools, the Poradnia; memberships by network
 *   3  the forum's categories, edit history, "pomocne", reader state,
 *      notifications and e-mail choices; attachments and good practices;
 *      file bytes (files) and attachments waiting for their upload (uploads)
 *   4  invitations (a network's coordinators and staff admins see them)
 *   5  requests to join with her school and message (the same people see them)
 *   6  meetings, answers to them, attendance, check-in codes, shared e-mail
 *      addresses (contacts); a meeting's files (attachments by meeting)
 *   7  surveys, her named responses, the markers that she answered; her keys
 *      and answers to anonymous surveys (survey_keys: only on this device)
 *   8  her signed-in devices (sessions)
 *   9  her passkeys (names and when last used; never the keys)
 *  10  annual work plans: plans, their versions and tasks; who may approve them
 *  11  named versions of the co-edited documents (doc_versions, by document)
 */
export const DB_VERSION = 11;

/**
 * Sync type name → object store, with the extra indexes each store needs and
 * the database version that added the store.
 * @type {Record<string, {store: string, indexes: string[], since: number}>}
 */
export const ROW_STORES = {
  network: { store: 'networks', indexes: [], since: 1 },
  membership: { store: 'memberships', indexes: ['user_id', 'network_id'], since: 1 },
  user: { store: 'users', indexes: [], since: 1 },
  thread: { store: 'threads', indexes: ['network_id'], since: 1 },
  post: { store: 'posts', indexes: ['thread_id'], since: 1 },
  network_request: { store: 'network_requests', indexes: ['requester_id'], since: 2 },
  school: { store: 'schools', indexes: [], since: 2 },
  poradnia: { store: 'poradnia', indexes: [], since: 2 },
  category: { store: 'categories', indexes: ['network_id'], since: 3 },
  post_revision: { store: 'post_revisions', indexes: ['post_id'], since: 3 },
  reaction: { store: 'reactions', indexes: ['post_id'], since: 3 },
  thread_state: { store: 'thread_states', indexes: ['thread_id'], since: 3 },
  notification: { store: 'notifications', indexes: [], since: 3 },
  notification_pref: { store: 'notification_prefs', indexes: ['network_id'], since: 3 },
  attachment: { store: 'attachments', indexes: ['post_id', 'resource_id', 'sha256', 'meeting_id'], since: 3 },
  resource: { store: 'resources', indexes: ['network_id'], since: 3 },
  invitation: { store: 'invitations', indexes: ['network_id'], since: 4 },
  join_request: { store: 'join_requests', indexes: ['network_id'], since: 5 },
  meeting: { store: 'meetings', indexes: ['network_id'], since: 6 },
  rsvp: { store: 'rsvps', indexes: ['meeting_id'], since: 6 },
  attendance: { store: 'attendance', indexes: ['meeting_id', 'user_id'], since: 6 },
  meeting_code: { store: 'meeting_codes', indexes: [], since: 6 },
  contact: { store: 'contacts', indexes: [], since: 6 },
  survey: { store: 'surveys', indexes: ['network_id'], since: 7 },
  survey_response: { store: 'survey_responses', indexes: ['survey_id'], since: 7 },
  survey_answered: { store: 'survey_answered', indexes: ['survey_id'], since: 7 },
  session: { store: 'sessions', indexes: [], since: 8 },
  passkey: { store: 'passkeys', indexes: [], since: 9 },
  plan: { store: 'plans', indexes: ['network_id'], since: 10 },
  plan_version: { store: 'plan_versions', indexes: ['plan_id'], since: 10 },
  plan_task: { store: 'plan_tasks', indexes: ['version_id', 'key'], since: 10 },
  plan_approver: { store: 'plan_approvers', indexes: [], since: 10 },
  doc_version: { store: 'doc_versions', indexes: ['doc'], since: 11 },
};

export const ROW_STORE_NAMES = Object.values(ROW_STORES).map((s) => s.store);
export const META = 'meta';
export const OUTBOX = 'outbox';
export const REJECTED = 'rejected';
export const DRAFTS = 'drafts';
export const FILES = 'files';
export const UPLOADS = 'uploads';
export const SURVEY_KEYS = 'survey_keys';
export const ALL_STORES = [...ROW_STORE_NAMES, META, OUTBOX, REJECTED, DRAFTS, FILES, UPLOADS, SURVEY_KEYS];

/**
 * @param {import('idb').IDBPDatabase} db
 * @param {number} oldVersion 0 for a new database
 * @param {import('idb').IDBPTransaction<any, any, 'versionchange'>} tx
 */
export function upgrade(db, oldVersion, tx) {
  for (const { store, indexes, since } of Object.values(ROW_STORES)) {
    if (oldVersion >= since) continue;
    const os = db.createObjectStore(store, { keyPath: 'id' });
    os.createIndex('_scopes', '_scopes', { multiEntry: true });
    os.createIndex('_pending', '_pending');
    for (const field of indexes) os.createIndex(field, field);
  }
  if (oldVersion < 3) {
    db.createObjectStore(FILES, { keyPath: 'sha256' }); // bytes kept once, however many posts show them
    db.createObjectStore(UPLOADS, { keyPath: 'key', autoIncrement: true }); // attachment.add waiting for its bytes
  }
  // Her key of each anonymous survey she answered, with what she answered: never sent but the key.
  if (oldVersion < 7) db.createObjectStore(SURVEY_KEYS, { keyPath: 'survey_id' });
  if (oldVersion < 1) {
    db.createObjectStore(META); // out-of-line keys: client_id, next_mutation_id, cursor, me…
    db.createObjectStore(OUTBOX, { keyPath: 'id' }); // mutation id: push order
    db.createObjectStore(REJECTED, { keyPath: 'key', autoIncrement: true });
    db.createObjectStore(DRAFTS); // key: what the draft is for, e.g. "reply:<thread id>"
    return;
  }
  if (oldVersion < 2) tx.objectStore('memberships').createIndex('network_id', 'network_id');
  if (oldVersion >= 3 && oldVersion < 6) tx.objectStore('attachments').createIndex('meeting_id', 'meeting_id');
  // This version shows more than the last one did: pull everything again.
  tx.objectStore(META).delete('cursor');
}

/** @param {string} type */
export function storeOf(type) {
  const entry = Object.prototype.hasOwnProperty.call(ROW_STORES, type) ? ROW_STORES[type] : null;
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
