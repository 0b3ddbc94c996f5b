/**
 * Reads for the meetings' screens: a network's meetings (next first, past
 * ones after), one meeting with the answers, the attendance list, its
 * check-in code and materials, and who is in the network (names, schools,
 * roles; an e-mail only where she shares it: `contact` rows).
 */
import { db } from './db.js';
import { FILES, OUTBOX, toRow } from './schema.js';
import { byName, rows, time } from './plain.js';

/** @type {Record<string, number>} */
const ROLE_ORDER = { coordinator: 0, member: 1, expert: 2 };

/**
 * A network's meetings: `coming` (not ended yet, soonest first) and `past`
 * (newest first); cancelled ones stay where their date puts them.
 * @param {string} networkId @param {string} [now] ISO time
 */
export async function meetingsOf(networkId, now = new Date().toISOString()) {
  const list = rows(await (await db()).getAllFromIndex('meetings', 'network_id', networkId));
  const t = time(now);
  const coming = list.filter((m) => time(m.ends_at) > t).sort((a, b) => time(a.starts_at) - time(b.starts_at));
  const past = list.filter((m) => time(m.ends_at) <= t).sort((a, b) => time(b.starts_at) - time(a.starts_at));
  return { coming, past };
}

/**
 * The people of a network the device knows (active memberships; experts
 * until their last day), each with her name, school, function and, where she
 * shares it, e-mail: coordinators first, then by name.
 * @param {string} networkId @param {string} [now]
 */
export async function participantsOf(networkId, now = new Date().toISOString()) {
  const tx = (await db()).transaction(['memberships', 'users', 'schools', 'contacts']);
  const memberships = rows(await tx.objectStore('memberships').index('network_id').getAll(networkId))
    .filter((m) => m.status === 'active' && (!m.expires_at || time(m.expires_at) > time(now)));
  // A large network is read whole, store by store: hundreds of single reads cost more than one getAll.
  const [users, schools, contacts] = await Promise.all(['users', 'schools', 'contacts'].map(async (name) =>
    new Map(rows(await tx.objectStore(name).getAll()).map((r) => [r.id, r]))));
  await tx.done;
  const people = memberships.map((m) => {
    const user = users.get(m.user_id);
    const school = user?.school_id ? schools.get(user.school_id) : null;
    return /** @type {Record<string, any>} */ ({
      user_id: m.user_id,
      role: m.role,
      expires_at: m.expires_at || null,
      name: user?.name || '',
      function: user?.function || null,
      form_of_address: user?.form_of_address || null,
      school: school ? `${school.name}, ${school.town}` : '',
      email: contacts.get(m.user_id)?.email || '',
    });
  });
  return people.sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || byName(a, b));
}

/**
 * One meeting and what its screens show: the answers (by user id), the
 * attendance rows (by user id: a member's device holds only her own), the
 * check-in code (only a coordinator's device has it), its files and whether
 * their bytes are on the device.
 * @param {string} meetingId
 */
export async function meetingBundle(meetingId) {
  const tx = (await db()).transaction(['meetings', 'rsvps', 'attendance', 'meeting_codes', 'attachments', FILES]);
  const meeting = toRow(await tx.objectStore('meetings').get(meetingId));
  const answers = rows(await tx.objectStore('rsvps').index('meeting_id').getAll(meetingId));
  const attendance = rows(await tx.objectStore('attendance').index('meeting_id').getAll(meetingId));
  const code = toRow(await tx.objectStore('meeting_codes').get(meetingId));
  const attachments = rows(await tx.objectStore('attachments').index('meeting_id').getAll(meetingId));
  /** @type {Set<string>} */
  const local = new Set();
  for (const a of attachments) if (await tx.objectStore(FILES).get(a.sha256)) local.add(a.sha256);
  await tx.done;
  return {
    meeting,
    rsvps: new Map(answers.map((r) => [r.user_id, r])),
    attendance: new Map(attendance.map((a) => [a.user_id, a])),
    code: code?.code || null,
    attachments,
    local,
  };
}

/**
 * Meetings of her networks open for check-in at `now` (from 30 minutes before
 * the start, `earlyMinutes`, to the end), not cancelled, soonest first.
 * @param {string[]} networkIds @param {number} earlyMinutes @param {string} [now]
 */
export async function meetingsOpenNow(networkIds, earlyMinutes, now = new Date().toISOString()) {
  const d = await db();
  const t = time(now);
  const all = (await Promise.all(networkIds.map((id) => d.getAllFromIndex('meetings', 'network_id', id)))).flat();
  return rows(all)
    .filter((m) => m.status !== 'cancelled' && time(m.starts_at) - earlyMinutes * 60_000 <= t && t <= time(m.ends_at))
    .sort((a, b) => time(a.starts_at) - time(b.starts_at));
}

/** Does a write named `name` still wait in the outbox? @param {string} name */
export async function outboxHolds(name) {
  const entries = await (await db()).getAll(OUTBOX);
  return entries.some((e) => e.name === name);
}
