/**
 * Times as a teacher reads them: "14:05" today, "12 lis, 14:05" this year,
 * with the year otherwise.
 */
import { currentLang } from './i18n.js';

/** @param {string|null|undefined} iso */
export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const locale = currentLang() === 'pl' ? 'pl-PL' : 'en-GB';
  const now = new Date();
  /** @type {Intl.DateTimeFormatOptions} */
  const time = { hour: '2-digit', minute: '2-digit' };
  /** @type {Intl.DateTimeFormatOptions} */
  let opts;
  if (d.toDateString() === now.toDateString()) opts = /** @type {any} */ (time);
  else if (d.getFullYear() === now.getFullYear()) opts = { day: 'numeric', month: 'short', ...time };
  else opts = { day: 'numeric', month: 'short', year: 'numeric', ...time };
  return new Intl.DateTimeFormat(locale, /** @type {any} */ (opts)).format(d);
}

/** A day as a teacher reads it: "30 czerwca 2027". @param {string|null|undefined} iso */
export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const locale = currentLang() === 'pl' ? 'pl-PL' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}
