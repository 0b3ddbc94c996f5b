/**
 * When a device was last used, as she reads it: "w ciągu ostatniej godziny", "3 godziny temu",
 * "wczoraj", "5 dni temu", then the day. The server stamps use at most once an hour, so nothing
 * finer than an hour is said.
 */
import { t } from '../i18n.js';
import { formatDate, locale } from '../format.js';

const HOUR = 3600 * 1000;

/** @param {string|null|undefined} iso @param {number} [now] */
export function lastSeen(iso, now = Date.now()) {
  const at = iso ? new Date(iso).getTime() : NaN;
  if (Number.isNaN(at)) return '';
  const ago = Math.max(0, now - at);
  if (ago < HOUR) return t('sessions.withinHour');
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  if (ago < 24 * HOUR) return rtf.format(-Math.floor(ago / HOUR), 'hour');
  if (ago < 7 * 24 * HOUR) return rtf.format(-Math.floor(ago / (24 * HOUR)), 'day');
  return formatDate(iso);
}
