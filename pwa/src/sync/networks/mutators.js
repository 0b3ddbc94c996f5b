/**
 * Local versions of the networks' mutators (server/networks/): requests for a
 * new one and the staff's decision, settings, coordination, archive and the
 * next school year, joining and leaving, and the coordinator's decisions
 * about members (docs/sync-protocol.md).
 * Ids of rows only the server names (memberships) are stand-ins until its
 * copies arrive: the pull then replaces them.
 */
import { actor, membershipOf, MutationError, trimmed } from '../mutation-kit.js';
import { nextSchoolYear, schoolYearOf } from './years.js';

/** @typedef {import('../mutation-kit.js').RowTx} RowTx */

const SETTINGS = ['name', 'topic', 'description', 'recruitment', 'capacity'];
const INVITATION_DAYS = 14; // server/networks/membership.py

/** @param {string} networkId @param {string} userId */
const localMembershipId = (networkId, userId) => `local:${networkId}:${userId}`;

/** The network, which must exist and not be archived. @param {RowTx} rows @param {string} id */
async function writable(rows, id) {
  const network = await rows.get('network', id);
  if (!network) throw new MutationError('not_found');
  if (network.status === 'archived') throw new MutationError('archived');
  return network;
}

/**
 * Makes (or renews) an active membership.
 * @param {RowTx} rows @param {string} networkId @param {string} userId
 * @param {'coordinator'|'member'} role @param {string} at
 */
async function activate(rows, networkId, userId, role, at) {
  const old = await membershipOf(rows, networkId, userId);
  await rows.put('membership', {
    id: old ? old.id : localMembershipId(networkId, userId),
    network_id: networkId,
    user_id: userId,
    role,
    status: 'active',
    expires_at: null,
    created_at: old ? old.created_at : at,
  });
  return !old || old.status !== 'active';
}

/** A request not yet decided. @param {RowTx} rows @param {string} id */
async function pendingRequest(rows, id) {
  const req = await rows.get('network_request', id);
  if (!req) throw new MutationError('not_found');
  if (req.status !== 'pending') throw new MutationError('conflict');
  return req;
}

/** A person waiting for the coordinator's decision. @param {RowTx} rows @param {any} args */
async function waitingMember(rows, args) {
  const network = await writable(rows, args.network_id);
  const m = await membershipOf(rows, network.id, args.user_id);
  if (!m || m.status !== 'pending') throw new MutationError('not_found');
  return { network, m };
}

/** @type {import('../mutation-kit.js').MutatorTable} */
export const networkMutators = {
  async 'network_request.create'(rows, args, { at }) {
    await rows.put('network_request', {
      id: args.id,
      requester_id: actor(),
      name: trimmed(args.name),
      kind: args.kind,
      topic: trimmed(args.topic),
      justification: trimmed(args.justification),
      recruitment: args.recruitment,
      expected_members: args.expected_members,
      status: 'pending',
      reason: null,
      network_id: null,
      created_at: at,
      decided_at: null,
    });
  },

  async 'network_request.approve'(rows, args, { at }) {
    const req = await pendingRequest(rows, args.id);
    await rows.put('network_request', { id: req.id, status: 'approved', network_id: args.network_id, decided_at: at });
    if (!args.network_id) return; // the server names the network: it shows after the pull
    const people = [...new Set([args.coordinator_id, req.requester_id])];
    await rows.put('network', {
      id: args.network_id,
      name: req.name,
      kind: req.kind,
      topic: req.topic,
      recruitment: req.recruitment,
      description: req.justification,
      school_year: schoolYearOf(at),
      capacity: null,
      status: 'active',
      previous_id: null,
      coordinator_ids: [args.coordinator_id],
      member_count: people.length,
      created_at: at,
    });
    await activate(rows, args.network_id, args.coordinator_id, 'coordinator', at);
    if (req.requester_id !== args.coordinator_id) await activate(rows, args.network_id, req.requester_id, 'member', at);
  },

  async 'network_request.reject'(rows, args, { at }) {
    const req = await pendingRequest(rows, args.id);
    await rows.put('network_request', { id: req.id, status: 'rejected', reason: trimmed(args.reason), decided_at: at });
  },

  async 'network.update'(rows, args) {
    const network = await writable(rows, args.id);
    /** @type {{id: string} & Record<string, any>} */
    const fields = { id: network.id };
    for (const key of SETTINGS) if (key in args) fields[key] = trimmed(args[key]);
    await rows.put('network', fields);
  },

  async 'network.set_coordinator'(rows, args, { at }) {
    const network = await writable(rows, args.network_id);
    for (const m of await rows.byIndex('membership', 'network_id', network.id)) {
      if (m.role === 'coordinator' && m.status === 'active' && m.user_id !== args.user_id) {
        await rows.put('membership', { id: m.id, role: 'member' });
      }
    }
    const joined = await activate(rows, network.id, args.user_id, 'coordinator', at);
    await rows.put('network', {
      id: network.id,
      coordinator_ids: [args.user_id],
      member_count: (network.member_count || 0) + (joined ? 1 : 0),
    });
  },

  async 'network.archive'(rows, args) {
    const network = await writable(rows, args.network_id);
    await rows.put('network', { id: network.id, status: 'archived' });
  },

  async 'network.continue'(rows, args, { at }) {
    const old = await rows.get('network', args.network_id);
    if (!old) throw new MutationError('not_found');
    const coordinators = old.coordinator_ids || [];
    await rows.put('network', {
      id: args.id,
      name: old.name,
      kind: old.kind,
      topic: old.topic,
      recruitment: old.recruitment,
      description: old.description,
      school_year: args.school_year || nextSchoolYear(old.school_year) || schoolYearOf(at),
      capacity: old.capacity,
      status: 'active',
      previous_id: old.id,
      coordinator_ids: coordinators,
      member_count: coordinators.length,
      created_at: at,
    });
    for (const userId of coordinators) await activate(rows, args.id, userId, 'coordinator', at);
    await rows.put('network', { id: old.id, status: 'archived' });
  },

  async 'membership.join'(rows, args) {
    const network = await rows.get('network', args.network_id);
    if (!network) throw new MutationError('not_found');
    if (network.status === 'archived') throw new MutationError('archived');
    const mine = await membershipOf(rows, network.id, actor());
    if (mine && (mine.status === 'active' || mine.status === 'pending')) throw new MutationError('conflict');
    await rows.put('membership', {
      // The server names the row; until its copy arrives, a local id stands in.
      id: mine ? mine.id : `local-join:${network.id}`,
      network_id: network.id,
      user_id: actor(),
      role: 'member',
      status: network.recruitment === 'open' ? 'active' : 'pending',
    });
  },

  async 'membership.leave'(rows, args) {
    const mine = await membershipOf(rows, args.network_id, actor());
    if (!mine || (mine.status !== 'active' && mine.status !== 'pending')) throw new MutationError('not_found');
    if (mine.role === 'coordinator' && mine.status === 'active') throw new MutationError('forbidden');
    await rows.put('membership', { id: mine.id, status: 'left' });
  },

  async 'membership.approve'(rows, args) {
    const { network, m } = await waitingMember(rows, args);
    const count = network.member_count || 0;
    if (network.capacity != null && count >= network.capacity) throw new MutationError('full');
    await rows.put('membership', { id: m.id, status: 'active' });
    await rows.put('network', { id: network.id, member_count: count + 1 });
  },

  async 'membership.decline'(rows, args) {
    const { m } = await waitingMember(rows, args);
    await rows.put('membership', { id: m.id, status: 'declined' });
  },

  async 'membership.remove'(rows, args) {
    const network = await rows.get('network', args.network_id);
    if (!network) throw new MutationError('not_found');
    const m = await membershipOf(rows, network.id, args.user_id);
    if (!m || (m.status !== 'active' && m.status !== 'pending')) throw new MutationError('not_found');
    if (m.role === 'coordinator') throw new MutationError('forbidden');
    await rows.put('membership', { id: m.id, status: 'removed' });
    if (m.status === 'active') {
      await rows.put('network', { id: network.id, member_count: Math.max(0, (network.member_count || 1) - 1) });
    }
  },

  // Its rules first (sync/mutators.js). One invitation waits per address: another letter
  // only when she means it (`resend`), and then it stands in for the waiting one.
  async 'membership.invite'(rows, args, { at }) {
    await writable(rows, args.network_id);
    const email = String(trimmed(args.email)).toLowerCase();
    const waiting = (await rows.byIndex('invitation', 'network_id', args.network_id)).find(
      (i) => i.email === email && !i.accepted_at && Date.parse(i.expires_at) > Date.parse(at),
    );
    if (waiting && !args.resend) throw new MutationError('conflict', { email: 'already_invited' });
    await rows.put('invitation', {
      id: waiting ? waiting.id : `local-invite:${args.network_id}:${email}`,
      network_id: args.network_id,
      email,
      role: args.role || 'member',
      expert_until: args.role === 'expert' ? args.until : null,
      invited_by: actor(),
      created_at: at,
      expires_at: new Date(Date.parse(at) + INVITATION_DAYS * 86400000).toISOString(),
      accepted_at: null,
    });
  },
};
