/**
 * Papers to download: the network's annual report (its coordinator, staff) as
 * an address, and her certificate's PDF, which exists only once issued (a 409
 * `not_issued` until then: a GET never issues one).
 */
import { ApiError, rawFetch } from '../api.js';

/** "2026/2027" → 2026, or null. @param {string|undefined|null} schoolYear */
export const yearStart = (schoolYear) => {
  const m = /^(\d{4})\/\d{4}$/.exec(schoolYear || '');
  return m ? Number(m[1]) : null;
};

/** @param {string} networkId @param {number} year @param {'pdf'|'docx'} format */
export const reportUrl = (networkId, year, format) =>
  `/api/networks/${encodeURIComponent(networkId)}/report?year=${year}&format=${format}`;

/**
 * Her certificate's PDF, or null while it is not issued yet.
 * @param {string} networkId @param {number} year
 * @returns {Promise<Blob|null>}
 */
export async function certificatePdf(networkId, year) {
  const res = await rawFetch('GET', `/api/networks/${encodeURIComponent(networkId)}/certificate?year=${year}`);
  if (res.status === 409) return null;
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  return res.blob();
}
