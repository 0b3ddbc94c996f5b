/**
 * The user's writes. Each is one named mutation: the local mutator and the
 * outbox entry go into the store together, then the engine is asked to push.
 * There is no other write path, online or not.
 */
import * as store from '../store/index.js';
import { storeMutators } from './mutators.js';
import { uuid } from './uuid.js';

/** @type {() => void} */
let afterWrite = () => {};

/** @param {() => void} fn called after each local write (the engine pushes) */
export function onWrite(fn) {
  afterWrite = fn;
}

/**
 * @param {string} name @param {object} args
 * @param {Parameters<typeof store.runLocalMutation>[4]} [more] writes that land with it (attachments)
 */
export async function mutate(name, args, more) {
  await store.runLocalMutation(name, args, storeMutators[name], uuid, more);
  afterWrite();
}

/** @param {string} postId @param {string} body */
export async function editPost(postId, body) {
  await mutate('post.update', { id: postId, body });
}

/** Join an open network, or ask to join a closed one. @param {string} networkId */
export async function joinNetwork(networkId) {
  await mutate('membership.join', { network_id: networkId });
}

/** @param {string} networkId */
export async function leaveNetwork(networkId) {
  await mutate('membership.leave', { network_id: networkId });
}

/** @param {string} postId */
export async function deletePost(postId) {
  await mutate('post.delete', { id: postId });
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
 * @param {string} networkId @param {string} email @param {'member'|'expert'} role @param {string} [until] YYYY-MM-DD
 */
export async function invite(networkId, email, role, until) {
  await mutate('membership.invite', {
    network_id: networkId,
    email: email.trim().toLowerCase(),
    role,
    ...(role === 'expert' ? { until } : {}),
  });
}

/** Any of name, school_id, function, subjects. @param {Record<string, any>} fields */
export async function updateProfile(fields) {
  await mutate('profile.update', fields);
}

/**
 * Adds a school (no id) or changes one; an empty RSPO number is none.
 * @param {{id?: string, name: string, town: string, kind: string, rspo?: string|null}} school
 * @returns {Promise<string>} the school's id
 */
export async function saveSchool({ id, ...fields }) {
  const schoolId = id || uuid();
  await mutate(id ? 'school.update' : 'school.create', { id: schoolId, ...fields, rspo: fields.rspo?.trim() || null });
  return schoolId;
}

/** Any of name, address, email, logo_sha256 (see logo.js). @param {Record<string, string|null>} fields */
export async function updatePoradnia(fields) {
  await mutate('poradnia.update', fields);
}

/** Staff admins say who works at the Poradnia. @param {string} userId @param {boolean} isStaff @param {boolean} isAdmin */
export async function setStaff(userId, isStaff, isAdmin) {
  await mutate('staff.set', { user_id: userId, is_staff: isStaff, is_admin: isStaff && isAdmin });
}
