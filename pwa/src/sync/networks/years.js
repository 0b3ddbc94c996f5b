/**
 * School years as the server counts them (server/networks/years.py): the
 * Polish one runs September to August and is written "2026/2027".
 */
import { rulesOf } from '../rules.js';

const SCHOOL_YEAR = new RegExp(/** @type {string} */ (rulesOf('network.continue').school_year.pattern));

/** The Polish school year (September to August) of a moment. @param {string} iso */
export function schoolYearOf(iso) {
  const d = new Date(iso);
  const start = d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${start}/${start + 1}`;
}

/** "2026/2027" → "2027/2028"; null for anything else. @param {string|null|undefined} year */
export function nextSchoolYear(year) {
  if (!year || !SCHOOL_YEAR.test(year)) return null;
  const start = Number(year.slice(0, 4)) + 1;
  return `${start}/${start + 1}`;
}
