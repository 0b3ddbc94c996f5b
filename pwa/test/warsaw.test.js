/** Warsaw's clock for meetings: a form's day and hour become the offset of that day (DST included), and back. */
import { test } from 'node:test';
import assert from 'node:assert/strict';

// i18n.js (which warsaw.js asks for the language) reads these at load; node has neither.
// @ts-ignore
globalThis.localStorage ??= { getItem: () => null, setItem() {} };
// @ts-ignore
globalThis.document ??= { documentElement: {} };
const { warsawIso, warsawParts, meetingHoursText } = await import('../src/ui/meetings/warsaw.js');

test('a day and hour in Warsaw get that day’s offset: winter +01:00, summer +02:00', () => {
  assert.equal(warsawIso('2026-12-10', '16:00'), '2026-12-10T16:00:00+01:00');
  assert.equal(warsawIso('2027-06-15', '09:30'), '2027-06-15T09:30:00+02:00');
  // The Sunday the clocks go forward (28 March 2027): before and after the change.
  assert.equal(warsawIso('2027-03-28', '01:30'), '2027-03-28T01:30:00+01:00');
  assert.equal(warsawIso('2027-03-28', '10:00'), '2027-03-28T10:00:00+02:00');
  // The Sunday they go back (31 October 2027): 02:30 happens twice, the first (summer) one is meant.
  assert.equal(warsawIso('2027-10-31', '02:30'), '2027-10-31T02:30:00+02:00');
  assert.equal(warsawIso('2027-10-31', '10:00'), '2027-10-31T10:00:00+01:00');
  assert.equal(warsawIso('', '10:00'), undefined);
  assert.equal(warsawIso('2027-10-31', ''), undefined);
});

test('UTC times read back on Warsaw’s clock, whatever zone the phone is in', () => {
  assert.deepEqual(warsawParts('2027-03-28T08:00:00+00:00'), { date: '2027-03-28', time: '10:00' });
  assert.deepEqual(warsawParts('2026-12-31T23:30:00+00:00'), { date: '2027-01-01', time: '00:30' });
  for (const [date, time] of [['2027-03-28', '10:00'], ['2027-10-31', '18:15'], ['2027-01-05', '00:00']]) {
    assert.deepEqual(warsawParts(/** @type {string} */ (warsawIso(date, time))), { date, time });
  }
  assert.equal(meetingHoursText('2026-12-10T15:00:00+00:00', '2026-12-10T17:30:00+00:00'), '16:00–18:30');
});
