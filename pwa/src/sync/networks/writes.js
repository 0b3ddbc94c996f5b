/**
 * Her writes about networks (server/networks/): asking for one and the staff's
 * decision, settings, coordination, the year's end, joining, leaving, members
 * and invitations. Each is one named mutation through writes.js's `mutate`.
 */
import { mutate } from '../writes.js';
import { uuid } from '../uuid.js';

/**
 * Join an open network, or ask to join a closed one, with a few words to its coordinator.
 * @param {string} networkId @param {string} [message]
 */
export async function joinNetwork(networkId, message = '') {
  await mutate('membership.join', { network_id: networkId, ...(message.trim() ? { message } : {}) });
}

/** @param {string} networkId */
export async function leaveNetwork(networkId) {
  await mutate('membership.leave', { network_id: networkId });
}

/**
 * Asks the Poradnia for a new network (`network_request.create`).
 * @param {{name: string, kind: string, topic: string, justification: string,
 *   recruitment: string, expected_members: number}} fields
 * @returns {Promise<string>} the request's id
 */
export async function askForNetwork(fields) {
  const id = uuid();
  await mutate('network_request.create', { id, ...fields });
  return id;
}

/**
 * Staff approve a request; the device names the new network so it shows at once.
 * @param {string} requestId @param {string} coordinatorId
 * @returns {Promise<string>} the new network's id
 */
export async function approveRequest(requestId, coordinatorId) {
  const networkId = uuid();
  await mutate('network_request.approve', { id: requestId, coordinator_id: coordinatorId, network_id: networkId });
  return networkId;
}

/** @param {string} requestId @param {string} reason */
export async function rejectRequest(requestId, reason) {
  await mutate('network_request.reject', { id: requestId, reason });
}

/**
 * Any of name, topic, description, recruitment, capacity (null: no limit).
 * @param {string} networkId @param {Record<string, string|number|null>} fields
 */
export async function updateNetwork(networkId, fields) {
  await mutate('network.update', { id: networkId, ...fields });
}

/** Hands coordination to another staff member. @param {string} networkId @param {string} userId */
export async function handOverNetwork(networkId, userId) {
  await mutate('network.set_coordinator', { network_id: networkId, user_id: userId });
}

/** @param {string} networkId */
export async function archiveNetwork(networkId) {
  await mutate('network.archive', { network_id: networkId });
}

/**
 * The next school year of a network (the old one is archived).
 * @param {string} networkId @param {string} [schoolYear] default: the following one
 * @returns {Promise<string>} the new network's id
 */
export async function continueNetwork(networkId, schoolYear) {
  const id = uuid();
  await mutate('network.continue', { network_id: networkId, id, ...(schoolYear ? { school_year: schoolYear } : {}) });
  return id;
}

/**
 * The coordinator decides: `approve`, `decline` (a pending request) or `remove`.
 * @param {'approve'|'decline'|'remove'} decision @param {string} networkId @param {string} userId
 */
export async function decideMember(decision, networkId, userId) {
  await mutate(`membership.${decision}`, { network_id: networkId, user_id: userId });
}

/**
 * Invites by e-mail, also someone with no account; an expert needs her last day.
 * `resend`: she has seen the invitation waiting for this address and sends another.
 * @param {string} networkId @param {string} email @param {'member'|'expert'} role @param {string} [until] YYYY-MM-DD
 * @param {boolean} [resend]
 */
export async function invite(networkId, email, role, until, resend = false) {
  await mutate('membership.invite', {
    network_id: networkId,
    email: email.trim().toLowerCase(),
    role,
    ...(role === 'expert' ? { until } : {}),
    ...(resend ? { resend: true } : {}),
  });
}
