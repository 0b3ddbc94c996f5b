/**
 * Papers to download: the network's annual report (its coordinator, staff) as
 * an address, and her certificate's PDF, which exists only once issued (a 409
 * `not_issued` until then: a GET never issues one); for staff, everyone's
 * certificates of a network's year and their addresses, and the Poradnia's summary of a year.
 */
import { ApiError, rawFetch, request } from '../api.js';

/** "2026/2027" → 2026, or null. @param {string|undefined|null} schoolYear */
export const yearStart = (schoolYear) => {
  const m = /^(\d{4})\/\d{4}$/.exec(schoolYear || '');
  return m ? Number(m[1]) : null;
};

/** @param {string} networkId @param {number} year @param {'pdf'|'docx'} format */
export const reportUrl = (networkId, year, format) =>
  `/api/networks/${encodeURIComponent(networkId)}/report?year=${year}&format=${format}`;

/** The Poradnia's summary of a school year (staff). @param {number} year @param {'pdf'|'docx'|'csv'} format */
export const summaryUrl = (year, format) => `/api/reports/summary?year=${year}&format=${format}`;

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

/**
 * @typedef {{id: string, number: string, code: string, hours: number, issued_at: string,
 *   revoked_at: string|null, revoked_reason: string|null}} CertificateState
 * @typedef {{user_id: string, name: string, school: string, status: string, meetings: number,
 *   hours: number, certificate: CertificateState|null}} CertificateHolder
 * @typedef {{network_id: string, school_year: string, participants: CertificateHolder[]}} CertificateList
 */

/**
 * Every participant of the network's school year and her certificate (the one that holds, else the
 * last revoked), for the Poradnia's staff: the server counts the hours as the certificate would.
 * @param {string} networkId @param {number} year
 * @returns {Promise<CertificateList>}
 */
export const certificateList = (networkId, year) =>
  request('GET', `/api/networks/${encodeURIComponent(networkId)}/certificates?year=${year}`);

/** Someone's certificate's PDF (staff). @param {string} networkId @param {number} year @param {string} userId */
export const certificateUrl = (networkId, year, userId) =>
  `/api/networks/${encodeURIComponent(networkId)}/certificate?year=${year}&user_id=${encodeURIComponent(userId)}`;

/** Every certificate that holds, in one ZIP (staff). @param {string} networkId @param {number} year */
export const certificatesZipUrl = (networkId, year) =>
  `/api/networks/${encodeURIComponent(networkId)}/certificates.zip?year=${year}`;
