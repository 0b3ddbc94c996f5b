/** Dates and numbers in her language, on Warsaw's clock, through the one formatter (ui/format.js). */
import { test } from 'node:test';
import assert from 'node:assert/strict';

// i18n.js reads these at load; node has neither. English comes as a chunk: setLang fetches it.
/** @type {Record<string, string>} */
const saved = {};
// @ts-ignore
globalThis.localStorage ??= { getItem: (k) => saved[k] ?? null, setItem: (k, v) => { saved[k] = v; } };
// @ts-ignore
globalThis.document ??= { documentElement: {} };
const { setLang } = await import('../src/ui/i18n.js');
const { formatTime, formatDateTime, formatDate, formatNumber } = await import('../src/ui/format.js');
const { meetingDay } = await import('../src/ui/meetings/warsaw.js');

const TUESDAY = '2027-03-09T14:00:00Z'; // 15:00 in Warsaw (winter time)

test('Polish: "wt., 9 mar 2027, 15:00", today only the hour, numbers with a comma', async () => {
  await setLang('pl');
  assert.equal(formatDateTime(TUESDAY), 'wt., 9 mar 2027, 15:00');
  assert.equal(formatTime(TUESDAY, new Date('2027-05-01T10:00:00Z')), 'wt., 9 mar 2027, 15:00');
  assert.equal(formatTime(TUESDAY, new Date('2027-03-09T22:30:00Z')), '15:00'); // 23:30 the same day in Warsaw
  assert.equal(formatTime(TUESDAY, new Date('2027-03-09T23:30:00Z')), 'wt., 9 mar 2027, 15:00'); // already Wednesday there
  assert.equal(formatDate('2027-06-30T10:00:00Z'), '30 czerwca 2027');
  assert.equal(meetingDay('2026-12-10T15:00:00Z'), 'czwartek, 10 grudnia 2026');
  assert.equal(formatNumber(12345.5).replace(/\s/g, ' '), '12 345,5');
  assert.equal(formatTime(''), '');
  assert.equal(formatDateTime('not a date'), '');
});

test('English: "Tue, 9 Mar 2027, 15:00", the same clock, numbers with a point', async () => {
  await setLang('en');
  assert.equal(formatDateTime(TUESDAY), 'Tue, 9 Mar 2027, 15:00');
  assert.equal(formatDate('2027-06-30T10:00:00Z'), '30 June 2027');
  assert.equal(meetingDay('2026-12-10T15:00:00Z'), 'Thursday, 10 December 2026');
  assert.equal(formatNumber(1234.5), '1,234.5');
  await setLang('pl');
});
