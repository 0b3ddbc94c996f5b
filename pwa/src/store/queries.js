/**
 * Reads for the screens. Each returns plain rows (see toRow): server fields
 * plus `pending`; rows deleted locally are left out.
 */
import { db } from './db.js';
import { OUTBOX, REJECTED, UPLOADS, storeOf, toRow } from './schema.js';
import { byName, rows } from './plain.js';
import { notify } from './changes.js';
import { writtenCount } from './written.js';

/**
 * Networks where the user has an active membership, by name.
 * @param {string} userId
 */
export async function myNetworks(userId) {
  const d = await db();
  const memberships = rows(await d.getAllFromIndex('memberships', 'user_id', userId));
  const active = memberships.filter((m) => m.status === 'active');
  const networks = await Promise.all(active.map((m) => d.get('networks', m.network_id)));
  return rows(networks).sort(byName);
}

/**
 * Every network in the catalogue, each with the user's membership (or null).
 * @param {string} userId
 * @returns {Promise<Record<string, any>[]>}
 */
export async function catalog(userId) {
  const d = await db();
  const networks = rows(await d.getAll('networks'));
  const memberships = rows(await d.getAllFromIndex('memberships', 'user_id', userId));
  const byNetwork = new Map(memberships.map((m) => [m.network_id, m]));
  return networks
    .sort(byName)
    .map((n) => ({ ...n, membership: byNetwork.get(n.id) || null }));
}

/** @param {string} type @param {string} id */
export async function getRow(type, id) {
  const store = storeOf(type);
  if (!store) throw new Error(`unknown type ${type}`);
  return toRow(await (await db()).get(store, id));
}

/** Every row of a type, sorted by `name` when it has one. @param {string} type */
export async function allRows(type) {
  const store = storeOf(type);
  if (!store) throw new Error(`unknown type ${type}`);
  return rows(await (await db()).getAll(store)).sort(byName);
}

/**
 * id → name of every user this device knows; a deleted account's as `deleted` says (the UI's words).
 * @param {string} [deleted]
 */
export async function userNames(deleted) {
  const users = await (await db()).getAll('users');
  return new Map(users.map((u) => [u.id, u.deleted && deleted ? deleted : u.name]));
}

/** id → how to speak of her ('pani', 'pan', or null: neutrally) for every user this device knows. */
export async function userForms() {
  const users = await (await db()).getAll('users');
  return new Map(users.map((u) => [u.id, u.form_of_address || null]));
}

/**
 * What she wrote that waits to be sent (written.js): the outbox and the files
 * waiting for their upload, counted as she wrote them.
 * @returns {Promise<number>}
 */
export async function pendingCount() {
  const tx = (await db()).transaction([OUTBOX, UPLOADS]);
  const [outbox, uploads] = await Promise.all([tx.objectStore(OUTBOX).getAll(), tx.objectStore(UPLOADS).getAll()]);
  await tx.done;
  return writtenCount([...outbox, ...uploads]);
}

/**
 * The arguments of her writes named `name` still waiting in the outbox, oldest first.
 * @param {string} name @returns {Promise<Record<string, any>[]>}
 */
export async function waitingWrites(name) {
  const outbox = /** @type {import('./schema.js').OutboxEntry[]} */ (await (await db()).getAll(OUTBOX));
  return outbox.filter((e) => e.name === name).map((e) => /** @type {Record<string, any>} */ (e.args));
}

/** @returns {Promise<import('./schema.js').RejectedEntry[]>} */
export async function rejectedList() {
  return (await db()).getAll(REJECTED);
}

/** The user read the refused text and lets it go. @param {number} key */
export async function dismissRejected(key) {
  await (await db()).delete(REJECTED, key);
  notify();
}

/**
 * The user's membership in one network, or null.
 * @param {string} userId @param {string} networkId
 */
export async function membershipIn(userId, networkId) {
  const list = rows(await (await db()).getAllFromIndex('memberships', 'user_id', userId));
  return list.find((m) => m.network_id === networkId) || null;
}
