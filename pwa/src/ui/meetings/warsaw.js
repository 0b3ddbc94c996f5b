/**
 * Meetings happen in Warsaw: times are shown on its clock whatever zone the
 * phone is set to, and a date and time typed in the form become an ISO time
 * with the offset Warsaw has on that day (+01:00 in winter, +02:00 in summer).
 */
import { ZONE, dateFormat as format } from '../format.js';

export { ZONE };

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  second: '2-digit', hourCycle: 'h23',
});

/** Warsaw's wall clock at an instant. @param {number} ms */
function wallClock(ms) {
  /** @type {Record<string, number>} */
  const p = {};
  for (const { type, value } of PARTS.formatToParts(new Date(ms))) if (type !== 'literal') p[type] = Number(value);
  return p;
}

/** Minutes Warsaw is ahead of UTC at an instant. @param {number} ms */
function offsetAt(ms) {
  const p = wallClock(ms);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** @param {number} n */
const two = (n) => String(n).padStart(2, '0');

/**
 * Date and time as Warsaw's clock shows them ('2026-12-10', '16:00').
 * @param {string} iso @returns {{date: string, time: string}}
 */
export function warsawParts(iso) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return { date: '', time: '' };
  const p = wallClock(ms);
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour % 24)}:${two(p.minute)}` };
}

/**
 * A date and time on Warsaw's clock as an ISO time with that day's offset:
 * ('2027-03-28', '10:00') → '2027-03-28T10:00:00+02:00'. An hour the spring
 * change skips is read with the offset before it; one the autumn change
 * repeats, as the first (summer) one. Undefined when either is missing or wrong.
 * @param {string} date YYYY-MM-DD @param {string} clock HH:MM
 * @returns {string | undefined}
 */
export function warsawIso(date, clock) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
  const c = /^(\d{1,2}):(\d{2})$/.exec(clock || '');
  if (!d || !c) return undefined;
  const naive = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(c[1]), Number(c[2]));
  if (Number.isNaN(naive)) return undefined;
  // The offset a moment near that wall time has, checked once more from the instant it gives.
  const guess = offsetAt(naive - 2 * 3600_000);
  const second = offsetAt(naive - guess * 60_000);
  const offset = offsetAt(naive - second * 60_000) === second ? second : guess;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${d[1]}-${d[2]}-${d[3]}T${two(Number(c[1]))}:${c[2]}:00${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** "czwartek, 10 grudnia 2026". @param {string} iso */
export const meetingDay = (iso) =>
  format('day', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));

/** "16:00". @param {string} iso */
export const meetingClock = (iso) =>
  format('clock', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** "16:00–18:30", with the end's day when it ends on another one. @param {string} starts @param {string} ends */
export function meetingHoursText(starts, ends) {
  const sameDay = warsawParts(starts).date === warsawParts(ends).date;
  return `${meetingClock(starts)}–${sameDay ? '' : `${meetingDay(ends)}, `}${meetingClock(ends)}`;
}

/** "10 gru" for a list's date badge: day and short month. @param {string} iso */
export const meetingShortDay = (iso) => {
  /** @type {Record<string, string>} */
  const p = {};
  for (const { type, value } of format('short', { day: 'numeric', month: 'short', weekday: 'short' }).formatToParts(new Date(iso))) {
    p[type] = value;
  }
  return { weekday: p.weekday || '', day: p.day || '', month: (p.month || '').replace('.', '') };
};
