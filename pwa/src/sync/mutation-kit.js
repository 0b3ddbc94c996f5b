/**
 * What every local mutator needs: who is acting, the error it throws when it
 * refuses a write, and the check that a refused write is the user's mistake.
 */

/** The user the device is signed in as: author of what she writes. */
let actorId = '';

/** @param {string} id */
export function setActor(id) {
  actorId = id;
}

export const actor = () => actorId;

/**
 * A local mutator refused the write: the same codes the server uses.
 * @typedef {'invalid'|'not_found'|'forbidden'|'conflict'|'archived'|'full'|'cancelled'|'past'|'outside_window'|'started'|'not_open'|'closed'|
 *   'not_draft'|'not_submitted'|'not_latest'|'not_decided'|'superseded'} RefusalCode
 */
export class MutationError extends Error {
  /** @param {RefusalCode} code @param {Record<string, string>} [fields] */
  constructor(code, fields) {
    super(code);
    this.code = code;
    this.fields = fields;
  }
}

/** Refuses the write when a rules.js check found anything. @param {Record<string, string>} errors */
export function mustBeValid(errors) {
  if (Object.keys(errors).length) throw new MutationError('invalid', errors);
}

/** A user's membership of a network, if she has one. @param {RowTx} rows @param {string} networkId @param {string} userId */
export async function membershipOf(rows, networkId, userId) {
  // By person: she is in a few networks, a network may hold hundreds (a tap on an attendance list reads this).
  const list = await rows.byIndex('membership', 'user_id', userId);
  return list.find((m) => m.network_id === networkId) || null;
}

/** Active in the network at `at` (an expert until her last day). @param {Record<string, any> | null} m @param {string} at */
export const isActive = (m, at) => !!m && m.status === 'active' && (!m.expires_at || Date.parse(m.expires_at) > Date.parse(at));

/**
 * The network's coordinator or a Poradnia administrator, in a network not archived (what plans a
 * network's meetings and surveys); resolves to the network.
 * @param {RowTx} rows @param {string} networkId @param {string} at
 */
export async function requireManager(rows, networkId, at) {
  const network = await rows.get('network', networkId);
  if (!network) throw new MutationError('not_found');
  const [m, me] = await Promise.all([membershipOf(rows, networkId, actor()), rows.get('user', actor())]);
  const admin = me?.is_staff === true && me?.is_admin === true;
  if (!(admin || (isActive(m, at) && m?.role === 'coordinator'))) throw new MutationError('forbidden');
  if (network.status === 'archived') throw new MutationError('archived');
  return network;
}

/** A text argument as the server keeps it. @param {unknown} value */
export const trimmed = (value) => (typeof value === 'string' ? value.trim() : value);

/**
 * The fields of `keys` present in args, trimmed.
 * @param {any} args @param {string[]} keys
 */
export function given(args, keys) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const key of keys) if (key in args) out[key] = trimmed(args[key]);
  return out;
}

/**
 * A domain's local mutators, in the shape the store runs them (store/rows.js).
 * @typedef {import('../store/rows.js').RowTx} RowTx
 * @typedef {{at: string}} Ctx
 * @typedef {import('../store/rows.js').Mutators} MutatorTable
 */
