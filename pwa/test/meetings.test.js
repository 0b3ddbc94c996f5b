/** The meetings' local mutators: planned, answered, attendance (last mark by its time wins), hours, check-in. */
import './setup.js';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AT, ME, NETWORK, OTHER, aForum, freshDevice, outboxNames, serverHas, store, uuid, write } from './world.js';
import { MutationError } from '../src/sync/mutation-kit.js';

const THIRD = '0190a1b2-0000-7000-8000-00000000000c';
const ADDRESS = 'ul. Szkolna 1, 25-001 Kielce';
const DAY = 24 * 3600_000;
const HOUR = 3600_000;

/** @param {string} code */
const refusal = (code) => (/** @type {any} */ err) => err instanceof MutationError && err.code === code;
/** @param {string} field @param {string} code */
const onField = (field, code) => (/** @type {any} */ err) => err instanceof MutationError && err.fields?.[field] === code;

/** @param {number} ms */
const iso = (ms) => new Date(ms).toISOString();

/**
 * The network with her as `role` (OTHER a member, THIRD not in it), the Poradnia's row.
 * @param {{role?: string, status?: string}} [opts]
 */
async function aNetwork({ role = 'coordinator', status = 'active' } = {}) {
  await aForum({ status });
  const membership = (/** @type {string} */ userId, /** @type {string} */ r) => ({
    type: 'membership', id: uuid(), network_id: NETWORK, user_id: userId, role: r, status: 'active', expires_at: null, created_at: AT,
  });
  await serverHas([membership(ME, role), membership(OTHER, 'member')]);
  await serverHas([{ type: 'poradnia', id: 'poradnia', name: 'Poradnia', address: ADDRESS, email: null }], 'catalog');
}

/**
 * A meeting the server already has, starting `startsIn` ms from now and lasting `length` ms.
 * @param {{startsIn?: number, length?: number, status?: string, code?: string}} [opts]
 */
async function aMeeting({ startsIn = 7 * DAY, length = 2 * HOUR, status = 'planned', code } = {}) {
  const id = uuid();
  const starts = Date.now() + startsIn;
  await serverHas([{ type: 'meeting', id, network_id: NETWORK, title: 'Spotkanie grudniowe', starts_at: iso(starts),
    ends_at: iso(starts + length), place: ADDRESS, agenda: [], links: [], online_url: null, status, expert_ids: [],
    created_by: OTHER, created_at: AT, edited_at: null }]);
  if (code) await serverHas([{ type: 'meeting_code', id, meeting_id: id, code }], `managers:${NETWORK}`);
  return { id, starts, ends: starts + length };
}

beforeEach(freshDevice);

test('a coordinator plans a meeting: it shows at once in UTC, at the Poradnia unless she says otherwise', async () => {
  await aNetwork();
  const id = uuid();
  await write('meeting.create', { id, network_id: NETWORK, title: '  Ocenianie kształtujące ', starts_at: '2027-03-29T16:00:00+02:00',
    ends_at: '2027-03-29T18:00:00+02:00', place: null, agenda: [{ time: '16:00', topic: 'Powitanie', who: '' }] });
  const m = await store.getRow('meeting', id);
  assert.equal(m.title, 'Ocenianie kształtujące');
  assert.equal(m.starts_at, '2027-03-29T14:00:00.000Z');
  assert.equal(m.place, ADDRESS);
  assert.equal(m.status, 'planned');
  assert.ok(m.pending);
  assert.deepEqual(await outboxNames(), ['meeting.create']);
  const { coming, past } = await store.meetingsOf(NETWORK, '2027-03-01T00:00:00Z');
  assert.deepEqual([coming.map((x) => x.id), past.length], [[id], 0]);
});

test('a meeting that ends before it starts, lasts over 12 hours or has no offset is refused on its field', async () => {
  await aNetwork();
  const base = { id: uuid(), network_id: NETWORK, title: 'Spotkanie' };
  await assert.rejects(write('meeting.create', { ...base, starts_at: '2027-01-10T16:00:00+01:00', ends_at: '2027-01-10T15:00:00+01:00' }),
    onField('ends_at', 'ends_before'));
  await assert.rejects(write('meeting.create', { ...base, starts_at: '2027-01-10T06:00:00+01:00', ends_at: '2027-01-10T18:30:00+01:00' }),
    onField('ends_at', 'meeting_too_long'));
  await assert.rejects(write('meeting.create', { ...base, starts_at: '2027-01-10T16:00:00', ends_at: '2027-01-10T18:00:00+01:00' }),
    onField('starts_at', 'invalid'));
  await assert.rejects(write('meeting.create', { ...base, starts_at: '2027-01-10T16:00:00+01:00', ends_at: '2027-01-10T18:00:00+01:00',
    agenda: [{ time: null, topic: ' ', who: '' }] }), onField('agenda', 'items'));
  assert.deepEqual(await outboxNames(), []);
});

test('a member or an expert cannot plan a meeting; nobody plans one in an archived network', async () => {
  await aNetwork({ role: 'member' });
  const args = { id: uuid(), network_id: NETWORK, title: 'S', starts_at: '2027-01-10T16:00:00+01:00', ends_at: '2027-01-10T18:00:00+01:00' };
  await assert.rejects(write('meeting.create', args), refusal('forbidden'));
  await freshDevice();
  await aNetwork({ status: 'archived' });
  await assert.rejects(write('meeting.create', args), refusal('archived'));
});

test('moving a meeting keeps the length rule against what it holds; hours follow its new length', async () => {
  await aNetwork();
  const m = await aMeeting({ code: '123456' });
  await write('attendance.set', { meeting_id: m.id, user_id: OTHER, present: true, at: iso(m.starts) });
  assert.equal((await store.getRow('attendance', `${m.id}:${OTHER}`)).hours, 2);
  await assert.rejects(write('meeting.update', { id: m.id, ends_at: iso(m.starts - HOUR) }), onField('ends_at', 'ends_before'));
  await write('meeting.update', { id: m.id, ends_at: iso(m.starts + 100 * 60_000) }); // 1 h 40 min: 1.75 h to the quarter
  assert.equal((await store.getRow('attendance', `${m.id}:${OTHER}`)).hours, 1.75);
});

test('a cancelled meeting stays, cancelled, and takes no answers and no changes', async () => {
  await aNetwork();
  const m = await aMeeting();
  await write('meeting.cancel', { id: m.id });
  assert.equal((await store.getRow('meeting', m.id)).status, 'cancelled');
  assert.equal((await store.meetingsOf(NETWORK)).coming.length, 1);
  await assert.rejects(write('meeting.rsvp', { meeting_id: m.id, answer: 'yes' }), refusal('cancelled'));
  await assert.rejects(write('meeting.update', { id: m.id, title: 'Nowy' }), refusal('cancelled'));
});

test('her answer is one row she changes; a past meeting takes none', async () => {
  await aNetwork({ role: 'member' });
  const m = await aMeeting();
  await write('meeting.rsvp', { meeting_id: m.id, answer: 'maybe' });
  await write('meeting.rsvp', { meeting_id: m.id, answer: 'yes' });
  const { rsvps } = await store.meetingBundle(m.id);
  assert.deepEqual([rsvps.size, rsvps.get(ME)?.answer], [1, 'yes']);
  await assert.rejects(write('meeting.rsvp', { meeting_id: m.id, answer: 'perhaps' }), onField('answer', 'choose'));
  const past = await aMeeting({ startsIn: -3 * DAY });
  await assert.rejects(write('meeting.rsvp', { meeting_id: past.id, answer: 'no' }), refusal('past'));
  assert.deepEqual((await store.meetingsOf(NETWORK)).past.map((x) => x.id), [past.id]);
});

test('attendance: the mark made last by its device time wins, whatever order they are written in', async () => {
  await aNetwork();
  const m = await aMeeting();
  const id = `${m.id}:${OTHER}`;
  const at = (/** @type {number} */ minutes) => iso(m.starts + minutes * 60_000);
  await write('attendance.set', { meeting_id: m.id, user_id: OTHER, present: true, at: at(10) });
  await write('attendance.set', { meeting_id: m.id, user_id: OTHER, present: false, at: at(5) }); // older: changes nothing
  assert.equal((await store.getRow('attendance', id)).present, true);
  await write('attendance.set', { meeting_id: m.id, user_id: OTHER, present: false, at: at(15) });
  assert.deepEqual(pick(await store.getRow('attendance', id)), { present: false, at: at(15), hours: 0 });
  // At the very same instant, present wins (as on the server): the two orders agree.
  await write('attendance.set', { meeting_id: m.id, user_id: OTHER, present: true, at: at(15) });
  await write('attendance.set', { meeting_id: m.id, user_id: OTHER, present: false, at: at(15) });
  assert.deepEqual(pick(await store.getRow('attendance', id)), { present: true, at: at(15), hours: 2 });
  assert.deepEqual(await outboxNames(), Array(5).fill('attendance.set')); // each goes to the server, which judges the same
});

test('a later mark from the server wins over an older one still waiting on this device', async () => {
  await aNetwork();
  const m = await aMeeting();
  const id = `${m.id}:${OTHER}`;
  await write('attendance.set', { meeting_id: m.id, user_id: OTHER, present: true, at: iso(m.starts + 60_000) });
  // The other device's later "absent" arrives by a pull: the rebase runs her older mark over it, a no-op.
  await serverHas([{ type: 'attendance', id, meeting_id: m.id, network_id: NETWORK, user_id: OTHER, present: false,
    at: iso(m.starts + 120_000), hours: 0, hours_corrected: false, checked_in: false }], `managers:${NETWORK}`);
  assert.equal((await store.getRow('attendance', id)).present, false);
});

test('attendance is kept for people of the network only', async () => {
  await aNetwork();
  const m = await aMeeting();
  await assert.rejects(write('attendance.set', { meeting_id: m.id, user_id: THIRD, present: true, at: iso(m.starts) }),
    onField('user_id', 'not_member'));
  await freshDevice();
  await aNetwork({ role: 'member' });
  const n = await aMeeting();
  await assert.rejects(write('attendance.set', { meeting_id: n.id, user_id: OTHER, present: true, at: iso(n.starts) }),
    refusal('forbidden'));
});

test('hours: the meeting’s length when present, corrected in quarters, and back with null', async () => {
  await aNetwork();
  const m = await aMeeting({ length: 110 * 60_000 });
  const id = `${m.id}:${OTHER}`;
  await write('attendance.set', { meeting_id: m.id, user_id: OTHER, present: true, at: iso(m.starts) });
  assert.equal((await store.getRow('attendance', id)).hours, 1.75);
  await write('attendance.hours', { meeting_id: m.id, user_id: OTHER, hours: 1 });
  assert.deepEqual([(await store.getRow('attendance', id)).hours, (await store.getRow('attendance', id)).hours_corrected], [1, true]);
  await assert.rejects(write('attendance.hours', { meeting_id: m.id, user_id: OTHER, hours: 1.3 }), onField('hours', 'quarters'));
  await assert.rejects(write('attendance.hours', { meeting_id: m.id, user_id: OTHER, hours: 13 }), onField('hours', 'range'));
  await write('attendance.hours', { meeting_id: m.id, user_id: OTHER, hours: null });
  assert.equal((await store.getRow('attendance', id)).hours, 1.75);
});

test('check-in: inside its window she is present at once; outside it, refused; a wrong code where the device knows it', async () => {
  await aNetwork({ role: 'member' });
  const m = await aMeeting({ startsIn: 20 * 60_000 });
  await assert.rejects(write('attendance.check_in', { meeting_id: m.id, code: '12345', at: iso(Date.now()) }), onField('code', 'format'));
  await assert.rejects(write('attendance.check_in', { meeting_id: m.id, code: '123456', at: iso(m.starts - 31 * 60_000) }),
    refusal('outside_window'));
  await assert.rejects(write('attendance.check_in', { meeting_id: m.id, code: '123456', at: iso(m.ends + 1000) }),
    refusal('outside_window'));
  await write('attendance.check_in', { meeting_id: m.id, code: ' 123456 ', at: iso(m.starts - 29 * 60_000) });
  const mine = await store.getRow('attendance', `${m.id}:${ME}`);
  assert.deepEqual([mine.present, mine.checked_in, mine.pending], [true, true, true]);
  assert.deepEqual((await store.meetingsOpenNow([NETWORK], 30)).map((x) => x.id), [m.id]);

  await freshDevice();
  await aNetwork();
  const c = await aMeeting({ startsIn: 0, code: '654321' });
  await assert.rejects(write('attendance.check_in', { meeting_id: c.id, code: '123456', at: iso(c.starts) }), onField('code', 'wrong_code'));
  await write('attendance.check_in', { meeting_id: c.id, code: '654321', at: iso(c.starts) });
});

test('participants: names and schools, coordinators first; an e-mail only from a contact row', async () => {
  await aNetwork();
  await serverHas([
    { type: 'school', id: 'school-1', name: 'SP 12', town: 'Kielce', kind: 'szkoła podstawowa', rspo: null },
    { type: 'user', id: ME, name: 'Zofia Zięba', school_id: 'school-1', function: 'teacher', form_of_address: 'pani', subjects: [] },
    { type: 'user', id: OTHER, name: 'Adam Abacki', school_id: null, function: null, form_of_address: null, subjects: [] },
    { type: 'contact', id: OTHER, email: 'adam@example.org' },
  ]);
  const people = await store.participantsOf(NETWORK);
  assert.deepEqual(people.map((p) => [p.name, p.role, p.school, p.email]),
    [['Zofia Zięba', 'coordinator', 'SP 12, Kielce', ''], ['Adam Abacki', 'member', '', 'adam@example.org']]);
});

/** @param {Record<string, any>} row */
const pick = (row) => ({ present: row.present, at: row.at, hours: row.hours });
