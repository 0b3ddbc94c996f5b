/**
 * Every date, time and number the screens show goes through here: Intl in her
 * language (pl-PL, or en-GB when she chose English), on Warsaw's clock (the
 * Poradnia's networks meet in Poland, whatever zone the phone is set to).
 *
 * - formatTime: "14:05" today, "wt., 12 mar 2027, 15:00" on another day
 *   ("Tue, 12 Mar 2027, 15:00" in English);
 * - formatDateTime: always the full "wt., 12 mar 2027, 15:00";
 * - formatDate: a day, "30 czerwca 2027";
 * - formatClock: the hour alone, "15:00";
 * - formatNumber: "1 234,5" / "1,234.5".
 */
import { currentLang } from './i18n.js';

export const ZONE = 'Europe/Warsaw';

/** @returns {string} */
export const locale = () => (currentLang() === 'pl' ? 'pl-PL' : 'en-GB');

/** @type {Map<string, Intl.DateTimeFormat>} */
const formats = new Map();

/**
 * A formatter on Warsaw's clock in her language, made once per language and kind (making
 * one costs more than using it). @param {string} kind @param {Intl.DateTimeFormatOptions} options
 */
export function dateFormat(kind, options) {
  const key = `${locale()}:${kind}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale(), { timeZone: ZONE, ...options })));
  return f;
}

/** @type {Intl.DateTimeFormatOptions} */
const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
/** @type {Intl.DateTimeFormatOptions} */
const FULL = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...CLOCK };

/** @param {string|null|undefined} iso @returns {Date|null} */
function dateOf(iso) {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The day on Warsaw's clock, to tell today from other days. @param {Date} d */
const dayOf = (d) => dateFormat('key', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/**
 * "wt., 12 mar 2027, 15:00". @param {string|null|undefined} iso
 * @param {Date} [now] for the tests
 */
export function formatTime(iso, now = new Date()) {
  const d = dateOf(iso);
  if (!d) return '';
  if (dayOf(d) === dayOf(now)) return dateFormat('clock', CLOCK).format(d);
  return formatDateTime(iso);
}

/** "wt., 12 mar 2027, 15:00" whatever the day. @param {string|null|undefined} iso */
export function formatDateTime(iso) {
  const d = dateOf(iso);
  return d ? dateFormat('full', FULL).format(d) : '';
}

/** The hour alone, "15:00". @param {string|null|undefined} iso */
export function formatClock(iso) {
  const d = dateOf(iso);
  return d ? dateFormat('clock', CLOCK).format(d) : '';
}

/** A day as a teacher reads it: "30 czerwca 2027". @param {string|null|undefined} iso */
export function formatDate(iso) {
  const d = dateOf(iso);
  return d ? dateFormat('date', { day: 'numeric', month: 'long', year: 'numeric' }).format(d) : '';
}

/** "1 234,5" in Polish, "1,234.5" in English. @param {number} n @param {Intl.NumberFormatOptions} [options] */
export function formatNumber(n, options) {
  return new Intl.NumberFormat(locale(), options).format(n);
}
