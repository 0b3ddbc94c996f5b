/**
 * Reads for the screens about running networks: members, requests for new
 * networks, staff, the Poradnia, and invitations still waiting.
 */
import { db } from './db.js';
import { toRow } from './schema.js';
import { byName, rows, time } from './plain.js';

/** @type {Record<string, number>} */
const ROLE_ORDER = { coordinator: 0, member: 1, expert: 2 };
/** @type {Record<string, number>} */
const STATUS_ORDER = { active: 0, pending: 1 };

/**
 * A network's memberships (every status the device holds), each with the
 * person's name when it is known: coordinators first, then by name.
 * @param {string} networkId
 */
export async function membersOf(networkId) {
  const d = await db();
  const list = rows(await d.getAllFromIndex('memberships', 'network_id', networkId));
  const people = await Promise.all(list.map((m) => d.get('users', m.user_id)));
  return list
    .map((m, i) => /** @type {Record<string, any>} */ ({ ...m, name: toRow(people[i])?.name || '' }))
    .sort((a, b) => rank(STATUS_ORDER, a.status) - rank(STATUS_ORDER, b.status) ||
      rank(ROLE_ORDER, a.role) - rank(ROLE_ORDER, b.role) || byName(a, b));
}

/** @param {Record<string, number>} order @param {string} key */
const rank = (order, key) => order[key] ?? 9;

/** Her own requests for a network, newest first. @param {string} userId */
export async function myRequests(userId) {
  const list = rows(await (await db()).getAllFromIndex('network_requests', 'requester_id', userId));
  return list.sort((a, b) => time(b.created_at) - time(a.created_at));
}

/**
 * Every request the device holds (staff see them all): waiting ones first,
 * oldest first (first come, first served), then the decided ones, newest first.
 */
export async function requestQueue() {
  const list = rows(await (await db()).getAll('network_requests'));
  const waiting = list.filter((r) => r.status === 'pending').sort((a, b) => time(a.created_at) - time(b.created_at));
  const decided = list
    .filter((r) => r.status !== 'pending')
    .sort((a, b) => time(b.decided_at || b.created_at) - time(a.decided_at || a.created_at));
  return { waiting, decided };
}

/** Poradnia employees the device knows (the staff scope), by name. */
export async function staffPeople() {
  return rows(await (await db()).getAll('users')).filter((u) => u.is_staff).sort(byName);
}

/** The Poradnia's own row, or null before the first sync. */
export async function poradnia() {
  return rows(await (await db()).getAll('poradnia'))[0] || null;
}

/**
 * A network's invitations still waiting to be accepted (the device of someone
 * who manages it holds them), newest first; `now` is an ISO time.
 * @param {string} networkId @param {string} [now]
 */
export async function invitationsOf(networkId, now = new Date().toISOString()) {
  const list = rows(await (await db()).getAllFromIndex('invitations', 'network_id', networkId));
  return list
    .filter((i) => !i.accepted_at && time(i.expires_at) > time(now))
    .sort((a, b) => time(b.created_at) - time(a.created_at));
}

/**
 * What those who decide know of each request to join a network: user id →
 * her message and her school's name (from her profile).
 * @param {string} networkId
 * @returns {Promise<Record<string, {message: string, school: string}>>}
 */
export async function joinRequestsOf(networkId) {
  const d = await db();
  const list = rows(await d.getAllFromIndex('join_requests', 'network_id', networkId));
  const schools = await Promise.all(list.map((r) => (r.school_id ? d.get('schools', r.school_id) : null)));
  return Object.fromEntries(
    list.map((r, i) => {
      const school = toRow(schools[i]);
      return [r.user_id, { message: r.message || '', school: school ? `${school.name}, ${school.town}` : '' }];
    }),
  );
}
