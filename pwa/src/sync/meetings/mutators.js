/**
 * Local versions of the meetings' mutators (server/meetings/): a meeting
 * planned, changed or cancelled, her answer, the attendance list taken on the
 * coordinator's phone (offline too: for each person the mark made last, by its
 * device time `at`, holds, as on the server), hours corrected, her own
 * check-in. The server checks again and has the last word (a check-in code is
 * known only to the coordinator's devices: a member's phone cannot judge it).
 */
import { actor, isActive, membershipOf, MutationError, requireManager, trimmed } from '../mutation-kit.js';
import { MEETING_LIMITS } from '../rules.js';

/** @typedef {import('../mutation-kit.js').RowTx} RowTx */

const EDITABLE = ['title', 'starts_at', 'ends_at', 'place', 'agenda', 'links', 'online_url', 'expert_ids'];
const HOUR = 3600_000;

/** "<meeting_id>:<user_id>", the id of an answer and of an attendance row. @param {string} meetingId @param {string} userId */
export const pairId = (meetingId, userId) => `${meetingId}:${userId}`;

/** @param {RowTx} rows @param {string} id */
async function meetingOf(rows, id) {
  const meeting = await rows.get('meeting', id);
  if (!meeting) throw new MutationError('not_found');
  return meeting;
}

/** @param {Record<string, any>} meeting */
function planned(meeting) {
  if (meeting.status === 'cancelled') throw new MutationError('cancelled');
  return meeting;
}

/** Anyone active in the network (an expert until her last day). @param {RowTx} rows @param {string} networkId @param {string} at */
async function requireParticipant(rows, networkId, at) {
  const m = await membershipOf(rows, networkId, actor());
  if (!isActive(m, at)) throw new MutationError('forbidden');
  const network = await rows.get('network', networkId);
  if (network?.status === 'archived') throw new MutationError('archived');
}

/**
 * Why a meeting cannot run from `startsAt` to `endsAt` (the code on ends_at), or null.
 * @param {string} startsAt @param {string} endsAt
 */
export function lengthError(startsAt, endsAt) {
  const length = Date.parse(endsAt) - Date.parse(startsAt);
  if (!(length > 0)) return 'ends_before';
  return length > MEETING_LIMITS.max_hours * HOUR ? 'meeting_too_long' : null;
}

/** Its length in hours, to the nearest quarter: what attending it counts for. @param {Record<string, any>} meeting */
export const meetingHours = (meeting) =>
  Math.round((Date.parse(meeting.ends_at) - Date.parse(meeting.starts_at)) / (HOUR / 4)) / 4;

/** The Poradnia's address, where a meeting is unless she says otherwise. @param {RowTx} rows */
async function defaultPlace(rows) {
  const [poradnia] = await rows.all('poradnia');
  return poradnia?.address || '';
}

/** @param {any[] | undefined} agenda */
const cleanAgenda = (agenda) =>
  (agenda || []).map((i) => ({ time: trimmed(i.time) || null, topic: trimmed(i.topic), who: trimmed(i.who || '') }));

/** @param {any[] | undefined} links */
const cleanLinks = (links) => (links || []).map((l) => ({ title: trimmed(l.title || ''), url: trimmed(l.url) }));

/**
 * Her row after a mark made at `at`, or null when a later mark already holds
 * (at the very same instant "present" wins, as on the server).
 * @param {Record<string, any> | null} row @param {boolean} present @param {string} at
 */
function wins(row, present, at) {
  if (!row || !row.at) return true;
  const mine = Date.parse(at);
  const held = Date.parse(row.at);
  return mine > held || (mine === held && present && !row.present);
}

/**
 * Writes a mark into her attendance row, unless a later one holds.
 * @param {RowTx} rows @param {Record<string, any>} meeting @param {string} userId
 * @param {boolean} present @param {string} at @param {boolean} checkedIn
 */
async function mark(rows, meeting, userId, present, at, checkedIn) {
  const id = pairId(meeting.id, userId);
  const row = await rows.get('attendance', id);
  if (!wins(row, present, at)) return;
  const corrected = row?.hours_corrected === true;
  await rows.put('attendance', {
    id,
    meeting_id: meeting.id,
    network_id: meeting.network_id,
    user_id: userId,
    present,
    at,
    checked_in: checkedIn,
    hours_corrected: corrected,
    hours: corrected ? row?.hours : present ? meetingHours(meeting) : 0,
  });
}

/** @param {RowTx} rows @param {Record<string, any>} meeting @param {string} userId @param {string} at */
async function requireInNetwork(rows, meeting, userId, at) {
  const m = await membershipOf(rows, meeting.network_id, userId);
  if (!(isActive(m, at) || (m?.role === 'expert' && m?.status === 'active'))) {
    throw new MutationError('invalid', { user_id: 'not_member' });
  }
}

/** Within [starts_at − 30 min, ends_at]: when a check-in counts. @param {Record<string, any>} meeting @param {string} at */
export function checkInOpen(meeting, at) {
  const t = Date.parse(at);
  return t >= Date.parse(meeting.starts_at) - MEETING_LIMITS.check_in_early_minutes * 60_000 && t <= Date.parse(meeting.ends_at);
}

/** @type {import('../mutation-kit.js').MutatorTable} */
export const meetingMutators = {
  async 'meeting.create'(rows, args, { at }) {
    await requireManager(rows, args.network_id, at);
    const length = lengthError(args.starts_at, args.ends_at);
    if (length) throw new MutationError('invalid', { ends_at: length });
    await rows.put('meeting', {
      id: args.id,
      network_id: args.network_id,
      title: trimmed(args.title),
      starts_at: new Date(args.starts_at).toISOString(),
      ends_at: new Date(args.ends_at).toISOString(),
      place: trimmed(args.place || '') || (await defaultPlace(rows)),
      agenda: cleanAgenda(args.agenda),
      links: cleanLinks(args.links),
      online_url: trimmed(args.online_url) || null,
      status: 'planned',
      expert_ids: [...new Set(args.expert_ids || [])],
      created_by: actor(),
      created_at: at,
      edited_at: null,
    });
  },

  async 'meeting.update'(rows, args, { at }) {
    const meeting = planned(await meetingOf(rows, args.id));
    await requireManager(rows, meeting.network_id, at);
    /** @type {{id: string} & Record<string, any>} */
    const fields = { id: meeting.id, edited_at: at };
    for (const key of EDITABLE) if (key in args) fields[key] = args[key];
    if ('title' in fields) fields.title = trimmed(fields.title);
    if ('place' in fields) fields.place = trimmed(fields.place || '') || (await defaultPlace(rows));
    if ('agenda' in fields) fields.agenda = cleanAgenda(fields.agenda);
    if ('links' in fields) fields.links = cleanLinks(fields.links);
    if ('online_url' in fields) fields.online_url = trimmed(fields.online_url) || null;
    if ('expert_ids' in fields) fields.expert_ids = [...new Set(fields.expert_ids || [])];
    for (const key of ['starts_at', 'ends_at']) if (key in fields) fields[key] = new Date(fields[key]).toISOString();
    const length = lengthError(fields.starts_at || meeting.starts_at, fields.ends_at || meeting.ends_at);
    if (length) throw new MutationError('invalid', { ends_at: length });
    await rows.put('meeting', fields);
    if ('starts_at' in fields || 'ends_at' in fields) {
      // Hours follow the meeting's length (a corrected one stays).
      const moved = { ...meeting, ...fields };
      for (const a of await rows.byIndex('attendance', 'meeting_id', meeting.id)) {
        if (!a.hours_corrected) await rows.put('attendance', { id: a.id, hours: a.present ? meetingHours(moved) : 0 });
      }
    }
  },

  async 'meeting.cancel'(rows, args, { at }) {
    const meeting = await meetingOf(rows, args.id);
    await requireManager(rows, meeting.network_id, at);
    if (meeting.status !== 'cancelled') await rows.put('meeting', { id: meeting.id, status: 'cancelled', edited_at: at });
  },

  async 'meeting.rsvp'(rows, args, { at }) {
    const meeting = planned(await meetingOf(rows, args.meeting_id));
    await requireParticipant(rows, meeting.network_id, at);
    if (Date.parse(meeting.ends_at) <= Date.parse(at)) throw new MutationError('past');
    await rows.put('rsvp', {
      id: pairId(meeting.id, actor()),
      meeting_id: meeting.id,
      user_id: actor(),
      answer: args.answer,
      at,
    });
  },

  async 'attendance.set'(rows, args, { at }) {
    const meeting = planned(await meetingOf(rows, args.meeting_id));
    await requireManager(rows, meeting.network_id, at);
    await requireInNetwork(rows, meeting, args.user_id, at);
    await mark(rows, meeting, args.user_id, !!args.present, new Date(args.at).toISOString(), false);
  },

  async 'attendance.hours'(rows, args, { at }) {
    const meeting = planned(await meetingOf(rows, args.meeting_id));
    await requireManager(rows, meeting.network_id, at);
    await requireInNetwork(rows, meeting, args.user_id, at);
    const id = pairId(meeting.id, args.user_id);
    const row = await rows.get('attendance', id);
    const present = row?.present === true;
    const corrected = args.hours !== null && args.hours !== undefined;
    await rows.put('attendance', {
      id,
      meeting_id: meeting.id,
      network_id: meeting.network_id,
      user_id: args.user_id,
      present,
      at: row?.at ?? null,
      checked_in: row?.checked_in === true,
      hours_corrected: corrected,
      hours: corrected ? Number(args.hours) : present ? meetingHours(meeting) : 0,
    });
  },

  async 'attendance.check_in'(rows, args, { at }) {
    const meeting = planned(await meetingOf(rows, args.meeting_id));
    await requireParticipant(rows, meeting.network_id, at);
    // Only the coordinator's devices hold the code; on hers the server judges it.
    const code = await rows.get('meeting_code', meeting.id);
    if (code && code.code !== trimmed(args.code)) throw new MutationError('invalid', { code: 'wrong_code' });
    const when = new Date(args.at).toISOString();
    if (!checkInOpen(meeting, when)) throw new MutationError('outside_window');
    await mark(rows, meeting, actor(), true, when, true);
  },

  // Her feed's new secret lives on the server; its address comes from GET /api/me, not from a row.
  async 'calendar.reset'() {},
};
